// The same-stack floor of `appclacks token list` in `npm run bench`: the
// least a Node program can do for the same answer. One `node:http` GET of
// the token list with the same credentials, the JSON parsed, each token's id
// and name printed. No config file, no validation, no table, no retries.
import { request } from 'node:http';

const { APPCLACKS_API_ENDPOINT: endpoint, APPCLACKS_ORGANIZATION_ID: user, APPCLACKS_TOKEN: token } = process.env;
const authorization = `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
request(`${endpoint}/api/v1/token`, { headers: { authorization } }, (response) => {
  let body = '';
  response.setEncoding('utf8');
  response.on('data', (chunk) => (body += chunk));
  response.on('end', () => {
    let out = '';
    for (const { id, name } of JSON.parse(body).result) out += `${id}  ${name}\n`;
    process.stdout.write(out);
  });
}).end();
