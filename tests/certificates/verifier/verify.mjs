// Verifies a Spil credential with Digital Bazaar's implementations of W3C Verifiable
// Credentials, Data Integrity (eddsa-rdfc-2022) and Bitstring Status List: not our code.
//
// Reads JSON on stdin: {"credential": {...}, "documents": {"<url>": {...}}}, where documents
// are what Spil serves at the issuer profile and status list URLs. Every JSON-LD context
// comes from the npm packages or the project's bundled copy of the Open Badges context, so
// nothing is fetched from the network. Prints {"verified", "error", "status": [...]}.
import {readFileSync} from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import {contexts as dataIntegrityContexts} from '@digitalbazaar/data-integrity-context';
import {contexts as multikeyContexts} from '@digitalbazaar/multikey-context';
import {contexts as didContexts} from 'did-context';

const OPEN_BADGES = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const MULTIKEY = 'https://w3id.org/security/multikey/v1';

const input = JSON.parse(readFileSync(0, 'utf8'));
const documents = new Map();
for(const map of [credentialsContexts, dataIntegrityContexts, multikeyContexts, didContexts]) {
  for(const [url, context] of map) {
    documents.set(url, context);
  }
}
documents.set(OPEN_BADGES, JSON.parse(readFileSync(
  new URL('../../../certificates/contexts/ob-v3p0-context-3.0.3.json', import.meta.url), 'utf8')));
for(const [url, document] of Object.entries(input.documents || {})) {
  documents.set(url, document);
}

async function documentLoader(url) {
  if(documents.has(url)) {
    return {contextUrl: null, documentUrl: url, document: documents.get(url)};
  }
  // A verification method is a fragment of its controller document, as a web loader
  // would resolve it.
  const [base] = url.split('#');
  const controller = documents.get(base);
  const method = controller && (controller.verificationMethod || []).find(m => m.id === url);
  if(method) {
    return {contextUrl: null, documentUrl: url, document: {'@context': MULTIKEY, ...method}};
  }
  throw new Error(`not available offline: ${url}`);
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
let result;
try {
  result = await vc.verifyCredential({
    credential: input.credential,
    suite,
    documentLoader,
    checkStatus: options => checkStatus({...options, suite, documentLoader, verifyStatusListCredential: true}),
  });
} catch(error) {
  result = {verified: false, error};
}
const errors = [];
function collect(error) {
  if(!error) return;
  if(Array.isArray(error)) return error.forEach(collect);
  errors.push(String(error.message || error));
  collect(error.errors);
}
collect(result.error);
for(const proofResult of (result.results || [])) collect(proofResult.error);
const status = (result.statusResult?.results || []).map(r => ({
  verified: r.verified, purpose: r.credentialStatus?.statusPurpose, set: r.status,
  error: r.error ? String(r.error.message || r.error) : null,
}));
if(result.statusResult?.error) collect(result.statusResult.error);
process.stdout.write(JSON.stringify({verified: Boolean(result.verified), errors, status}) + '\n');
