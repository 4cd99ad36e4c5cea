export const VERSION: string = __APPCLACKS_VERSION__;
export const USER_AGENT = `appclacks-tui/${VERSION} (node ${process.versions.node})`;
