"""Secret tokens in links (certificate verification, second-opinion invitations).

A token is 32 random bytes, URL-safe. Where a token grants something (an invitation), only its
SHA-256 hash is stored, so a copy of the database does not hand out working links."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
