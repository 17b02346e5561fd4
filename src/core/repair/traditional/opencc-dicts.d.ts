// opencc-js ships its per-dictionary modules without type declarations.
// Each default export is a dictionary string: "from to|from to|...".
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
