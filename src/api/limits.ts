// A listed token takes 300 bytes on the wire, 1 KiB at most (255-character
// name and description, every permission): 64 MiB lists some 60,000 of the
// largest. A misconfigured endpoint streaming a file is still not buffered whole.
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
export const MAX_RESPONSE_MIB = MAX_RESPONSE_BYTES / (1024 * 1024);
