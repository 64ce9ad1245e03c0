import type { GlobalOptions } from "../cli.js";
import { EXIT } from "../errors.js";
import { print } from "../output.js";
import { SETTING_KEYS, settingKey } from "../store/settings.js";
import { Store } from "../store/store.js";

export async function configList(_g: GlobalOptions): Promise<number> {
  const s = (await Store.open()).settings();
  print(SETTING_KEYS.map((k) => `${k.name}=${k.get(s) ?? ""}`).join("\n"));
  return EXIT.ok;
}

export async function configGet(name: string, _g: GlobalOptions): Promise<number> {
  const key = settingKey(name);
  const value = key.get((await Store.open()).settings());
  if (value !== undefined) print(value);
  return EXIT.ok;
}

export async function configSet(name: string, input: string, _g: GlobalOptions): Promise<number> {
  const key = settingKey(name);
  const value = key.parse(input);
  await (await Store.open()).updateSettings((s) => key.set(s, value));
  print(`${key.name}=${value}`);
  return EXIT.ok;
}

export async function configUnset(name: string, _g: GlobalOptions): Promise<number> {
  const key = settingKey(name);
  await (await Store.open()).updateSettings((s) => key.set(s, undefined));
  print(`${key.name}=`);
  return EXIT.ok;
}
