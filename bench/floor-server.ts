/**
 * The floor the HTTP bench compares against: a bare node:http server that answers every request with
 * the same bytes from memory (an assessment answer read from the file named on the command line).
 * No routing, validation, worker or assessment: what is left is this machine, Node's HTTP stack and
 * the load generator. Usage: node --import tsx bench/floor-server.ts <port> <answer-file>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, file] = process.argv.slice(2);
// The answer's bytes, ready to write: the least a server can do per request.
const body = readFileSync(file!);
const length = body.length;
createServer((req, res) => {
  req.resume();
  req.once('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': length });
    res.end(body);
  });
}).listen(Number(port), '127.0.0.1', () => process.stderr.write('serving on\n'));
