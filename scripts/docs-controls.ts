import { runAsProcess } from "../tools/cli/io";
import { main } from "../tools/docs-controls/command";

runAsProcess((argv, io) => main(argv, io, process.cwd()));
