/** `load`, called once per distinct key for as long as the answer is kept (one request). */
export function memoise<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const known = new Map<string, Promise<T>>();
  return (key) => {
    let value = known.get(key);
    if (!value) known.set(key, (value = load(key)));
    return value;
  };
}
