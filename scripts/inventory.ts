import { main } from "../tools/inventory/command";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
