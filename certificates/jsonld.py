"""JSON-LD for the credentials: the contexts they use, bundled here, and RDF canonicalisation.

Nothing is fetched from the internet when a credential is signed or checked: the document
loader serves the bundled copies and refuses every other URL. The copies are the published
files, unchanged (W3C Verifiable Credentials 2.0, W3C DID 1.0, W3C Multikey and 1EdTech's
Open Badges 3.0.3 context).
"""

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"

FILES = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    OPEN_BADGES_V3: "ob-v3p0-context-3.0.3.json",
    MULTIKEY_V1: "multikey-v1.jsonld",
    DID_V1: "did-v1.jsonld",
}
DIRECTORY = Path(__file__).resolve().parent / "contexts"


class UnknownContext(jsonld.JsonLdError):
    pass


@cache
def bundled(url: str) -> dict:
    """The bundled context document for ``url``."""
    if url not in FILES:
        raise UnknownContext(f"Context {url[:200]} is not bundled with Spil.", "jsonld.LoadDocumentError")
    return json.loads((DIRECTORY / FILES[url]).read_text(encoding="utf-8"))


def document_loader(url: str, options=None) -> dict:
    return {"contextUrl": None, "documentUrl": url, "document": bundled(url)}


def canonical(document: dict) -> str:
    """The RDF Dataset Canonicalization (RDFC-1.0, formerly URDNA2015) of ``document`` as
    N-Quads, the input the ``eddsa-rdfc-2022`` cryptosuite hashes."""
    return jsonld.normalize(
        document,
        {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": document_loader, "base": None},
    )
