// "Did you mean": the known name a slip was probably meant to be. One rule
// for every name a person types (permissions, profiles), so a near miss is
// caught the same way everywhere.

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The name closest to `input`, ignoring case, when it is close enough to be a
 * slip: at most two edits, or a quarter of the input's length for long ones.
 */
export function closestName(input: string, names: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  const exactIgnoringCase = names.find((n) => n.toLowerCase() === lower);
  if (exactIgnoringCase) return exactIgnoringCase;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 4)) ? best : undefined;
}
