import { runAsProcess } from "../tools/cli/io";
import { main } from "../tools/docs-controls/command";

if (require.main === module) runAsProcess((argv, io) => main(argv, io, process.cwd()));
