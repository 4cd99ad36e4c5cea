export declare const INK_STRING_WIDTH: { specifier: string; importers: RegExp; packages: string[]; path: string };
export declare function inkSubstitute(specifier: string, importer: string | undefined): string | undefined;
