/** A parsed config: nested plain objects of JSON values. */
export type ConfigValue = string | number | boolean | null | ConfigValue[] | ConfigObject;

/** The object a config file holds. */
export interface ConfigObject {
  [key: string]: ConfigValue;
}
