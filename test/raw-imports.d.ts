// Vite's ?raw imports, used to read content files inside workerd (which has no file system).
declare module "*.md?raw" {
  const text: string;
  export default text;
}
declare module "*.jsonc?raw" {
  const text: string;
  export default text;
}
declare module "*.sql?raw" {
  const text: string;
  export default text;
}
declare module "*.ts?raw" {
  const text: string;
  export default text;
}
declare module "*.tsx?raw" {
  const text: string;
  export default text;
}
