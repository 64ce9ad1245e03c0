// Kept apart from paths.ts so that --version and --help load nothing else.
declare const __VERSION__: string | undefined;

export function packageVersion(): string {
  // Injected by the build so that --version reads no file.
  return typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";
}
