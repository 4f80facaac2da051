#!/usr/bin/python3
"""An independent checker of SFrame (RFC 9605) test-vector files.

    /usr/bin/python3 scripts/check-sframe-vectors.py [--expect-count N] [--expect-suites all|1,2,...] FILE...
    /usr/bin/python3 scripts/check-sframe-vectors.py --self-test FILE...

Checks `framebench vectors` output, and RFC 9605's own test-vectors.json, with an
implementation written from the RFC's text alone. It shares no code with FrameBench's Swift
implementation (SFrameKeySchedule, SFrameHeader, SFrameCipher, SFrameVectorCheck): HKDF
(RFC 5869) and HMAC come from Python's standard library (hmac, hashlib), AES-GCM and AES-CTR
from the `cryptography` package as Debian ships it.

Requirements: Python 3 with Debian's python3-cryptography (bookworm: 38.0.4), installed with
`apt-get install -y python3-cryptography`. Run it with /usr/bin/python3: a `python3` earlier on
PATH (pyenv, a virtualenv) may have no `cryptography` or another version of it. It uses only
AESGCM and Cipher(AES, CTR), which every cryptography release since 2.0 has.

What it checks, for every vector of every section the file has:
  header            (RFC 9605 section 4.3) kid, ctr -> the minimal encoding, compared with "encoded"
  sframe            (sections 4.4.2, 4.4.3, 4.5) from cipher_suite, kid, ctr, base_key, metadata
                    and pt it recomputes sframe_key_label, sframe_salt_label, sframe_secret,
                    sframe_key, sframe_salt, the header, nonce, aad and ct (header || sealed
                    payload || tag), and compares each with the file's value
  sframe_aes_256_ctr_hmac   the same for suites 6-8
  aes_ctr_hmac, aes_256_ctr_hmac   (section 4.5.1) enc_key and auth_key split from key, and ct
                    = AES-CTR(enc_key, nonce || 0^32, pt) || truncated HMAC tag
Cipher suites (section 4.5, table 5; 6-8 as registered after it, same construction with
AES-256 and SHA-512):
  1-3  AES_128_CTR_HMAC_SHA256_80/64/32   4  AES_128_GCM_SHA256_128   5  AES_256_GCM_SHA512_128
  6-8  AES_256_CTR_HMAC_SHA512_80/64/32

Strict by design, so that nothing in a file goes unchecked: an unknown section, an unknown
or missing field, a duplicated JSON key, a value of the wrong type, bad hex or an unknown
cipher suite is a failure. It prints each failure, then `N passed, N failed`.

It prints each failure, then the vectors passed per cipher suite, then `N passed, N failed`.

Exit status: 0 when every vector passed; 1 when any failed; 2 when a file cannot be read, is
not JSON, is not an object of vector arrays, or holds no SFrame encryption vector (an empty
file, `{}`, empty arrays), or with --expect-count N, when the header section or the sframe
vectors of any one cipher suite number other than N (`framebench vectors --count N` writes N
headers and N vectors per suite), or with --expect-suites, when the sframe section's cipher
suites are not exactly those listed (`all`: 1-8).

--self-test FILE...: the negative control. Each file must pass as given; then, for every
vector and every field in it, the checker is run on a copy with that field mutated (the
first, middle and last byte of a hex field flipped in turn, a byte appended to an empty one;
an integer changed), and every mutation must be reported as a failure of that vector. It
also feeds whole-document faults (empty file, truncated JSON, `{}`, empty arrays, an unknown
section or field, a missing field, a duplicated key, bad hex) to the file-level check, each
of which must be refused. Exit 0 when every mutation was caught, 1 otherwise.
"""

import copy
import hashlib
import hmac
import json
import re
import sys

try:
    from cryptography.hazmat.backends import default_backend
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
except ImportError as error:  # pragma: no cover
    sys.stderr.write(
        "check-sframe-vectors: needs the cryptography package (%s); on Debian: "
        "apt-get install -y python3-cryptography, then run with /usr/bin/python3\n" % error)
    sys.exit(2)


# --- RFC 9605 section 4.5, table 5 ---------------------------------------------------------

class Suite:
    def __init__(self, number, name, hash_name, key_size, tag_size, aes_key_size=None):
        self.number = number
        self.name = name
        self.hash_name = hash_name          # the HKDF and HMAC hash
        self.nh = hashlib.new(hash_name).digest_size
        self.nk = key_size                  # AEAD.Nk: bytes of sframe_key
        self.nn = 12                        # AEAD.Nn: bytes of nonce and sframe_salt
        self.nt = tag_size                  # AEAD.Nt: bytes of the tag
        self.nka = aes_key_size             # CTR suites: bytes of the AES key within sframe_key

    @property
    def is_ctr_hmac(self):
        return self.nka is not None


SUITES = {
    1: Suite(1, "AES_128_CTR_HMAC_SHA256_80", "sha256", 16 + 32, 10, 16),
    2: Suite(2, "AES_128_CTR_HMAC_SHA256_64", "sha256", 16 + 32, 8, 16),
    3: Suite(3, "AES_128_CTR_HMAC_SHA256_32", "sha256", 16 + 32, 4, 16),
    4: Suite(4, "AES_128_GCM_SHA256_128", "sha256", 16, 16),
    5: Suite(5, "AES_256_GCM_SHA512_128", "sha512", 32, 16),
    6: Suite(6, "AES_256_CTR_HMAC_SHA512_80", "sha512", 32 + 64, 10, 32),
    7: Suite(7, "AES_256_CTR_HMAC_SHA512_64", "sha512", 32 + 64, 8, 32),
    8: Suite(8, "AES_256_CTR_HMAC_SHA512_32", "sha512", 32 + 64, 4, 32),
}


# --- HKDF, RFC 5869 -------------------------------------------------------------------------

def hkdf_extract(hash_name, salt, ikm):
    if not salt:
        salt = bytes(hashlib.new(hash_name).digest_size)
    return hmac.new(salt, ikm, hash_name).digest()


def hkdf_expand(hash_name, prk, info, length):
    out, block, i = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([i]), hash_name).digest()
        out += block
        i += 1
    return out[:length]


# --- RFC 9605 section 4.4.2: key schedule ---------------------------------------------------

def key_label(kid, suite):
    return b"SFrame 1.0 Secret key " + kid.to_bytes(8, "big") + suite.to_bytes(2, "big")


def salt_label(kid, suite):
    return b"SFrame 1.0 Secret salt " + kid.to_bytes(8, "big") + suite.to_bytes(2, "big")


# --- RFC 9605 section 4.3: header -----------------------------------------------------------

def minimal_length(value):
    """Bytes of the big-endian encoding of value > 7 without leading zero bytes (1...8)."""
    return max(1, (value.bit_length() + 7) // 8)


def encode_header(kid, ctr):
    # config byte: X | K (3 bits) | Y | C (3 bits). A value below 8 sits in K or C; otherwise
    # X or Y is set, K or C is its length minus one, and the value follows, KID first.
    config, tail = 0, b""
    if kid < 8:
        config |= kid << 4
    else:
        n = minimal_length(kid)
        config |= 0x80 | (n - 1) << 4
        tail += kid.to_bytes(n, "big")
    if ctr < 8:
        config |= ctr
    else:
        n = minimal_length(ctr)
        config |= 0x08 | (n - 1)
        tail += ctr.to_bytes(n, "big")
    return bytes([config]) + tail


# --- RFC 9605 section 4.5.1: AES-CTR with HMAC ----------------------------------------------

def ctr_hmac_subkeys(suite, key):
    return key[:suite.nka], key[suite.nka:]


def ctr_hmac_tag(suite, auth_key, nonce, aad, ct):
    auth_data = (len(aad).to_bytes(8, "big") + len(ct).to_bytes(8, "big") + suite.nt.to_bytes(8, "big")
                 + nonce + aad + ct)
    return hmac.new(auth_key, auth_data, suite.hash_name).digest()[:suite.nt]


def aead_encrypt(suite, key, nonce, aad, pt):
    """AEAD.Encrypt of the suite: ciphertext || tag."""
    if suite.is_ctr_hmac:
        enc_key, auth_key = ctr_hmac_subkeys(suite, key)
        initial_counter = nonce + bytes(4)
        encryptor = Cipher(algorithms.AES(enc_key), modes.CTR(initial_counter), backend=default_backend()).encryptor()
        ct = encryptor.update(pt) + encryptor.finalize()
        return ct + ctr_hmac_tag(suite, auth_key, nonce, aad, ct)
    return AESGCM(key).encrypt(nonce, pt, aad)


# --- the file -------------------------------------------------------------------------------

class Malformed(Exception):
    """The file as a whole cannot be checked (exit 2)."""


class BadVector(Exception):
    """One vector cannot be checked: a missing, unknown or ill-typed field."""


HEX = re.compile(r"\A(?:[0-9a-fA-F]{2})*\Z")
U64 = 1 << 64

SECTION_FIELDS = {
    "header": ["kid", "ctr", "encoded"],
    "sframe": ["cipher_suite", "kid", "ctr", "base_key", "sframe_key_label", "sframe_salt_label",
               "sframe_secret", "sframe_key", "sframe_salt", "metadata", "nonce", "aad", "pt", "ct"],
    "aes_ctr_hmac": ["cipher_suite", "key", "enc_key", "auth_key", "nonce", "aad", "pt", "ct"],
}
SECTION_FIELDS["sframe_aes_256_ctr_hmac"] = SECTION_FIELDS["sframe"]
SECTION_FIELDS["aes_256_ctr_hmac"] = SECTION_FIELDS["aes_ctr_hmac"]
INTEGER_FIELDS = {"kid", "ctr", "cipher_suite"}
SFRAME_SECTIONS = {"sframe", "sframe_aes_256_ctr_hmac"}


def fields(section, vector):
    """The vector's fields, integers as int and the rest as bytes; BadVector if any is off."""
    if not isinstance(vector, dict):
        raise BadVector("not a JSON object")
    expected = SECTION_FIELDS[section]
    missing = [f for f in expected if f not in vector]
    unknown = [f for f in vector if f not in expected]
    if missing or unknown:
        raise BadVector("missing fields %s, unknown fields %s" % (missing, unknown))
    values = {}
    for name in expected:
        value = vector[name]
        if name in INTEGER_FIELDS:
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < U64:
                raise BadVector("%s is %r, not an integer in 0...2^64-1" % (name, value))
            values[name] = value
        else:
            if not isinstance(value, str) or not HEX.match(value):
                raise BadVector("%s is %r, not hex bytes" % (name, value))
            values[name] = bytes.fromhex(value)
    if "cipher_suite" in values and values["cipher_suite"] not in SUITES:
        raise BadVector("unknown cipher_suite %d" % values["cipher_suite"])
    return values


def mismatches(computed, given):
    """(field, file's value, computed value) for each field that differs."""
    return [(name, given[name], value) for name, value in computed.items() if given[name] != value]


def check_header(v):
    return mismatches({"encoded": encode_header(v["kid"], v["ctr"])}, v)


def check_sframe(v):
    suite = SUITES[v["cipher_suite"]]
    kid, ctr = v["kid"], v["ctr"]
    computed = {
        "sframe_key_label": key_label(kid, suite.number),
        "sframe_salt_label": salt_label(kid, suite.number),
    }
    secret = hkdf_extract(suite.hash_name, b"", v["base_key"])
    computed["sframe_secret"] = secret
    key = hkdf_expand(suite.hash_name, secret, computed["sframe_key_label"], suite.nk)
    salt = hkdf_expand(suite.hash_name, secret, computed["sframe_salt_label"], suite.nn)
    computed["sframe_key"], computed["sframe_salt"] = key, salt
    # Section 4.4.3: the counter big-endian in Nn bytes, XORed into the salt.
    counter = ctr.to_bytes(suite.nn, "big")
    nonce = bytes(s ^ c for s, c in zip(salt, counter))
    header = encode_header(kid, ctr)
    aad = header + v["metadata"]
    computed["nonce"], computed["aad"] = nonce, aad
    computed["ct"] = header + aead_encrypt(suite, key, nonce, aad, v["pt"])
    return mismatches(computed, v)


def check_ctr_hmac(v):
    suite = SUITES[v["cipher_suite"]]
    if not suite.is_ctr_hmac:
        raise BadVector("cipher_suite %d is not an AES-CTR-HMAC suite" % suite.number)
    if len(v["key"]) != suite.nk:
        raise BadVector("key is %d bytes; suite %d takes %d" % (len(v["key"]), suite.number, suite.nk))
    enc_key, auth_key = ctr_hmac_subkeys(suite, v["key"])
    computed = {"enc_key": enc_key, "auth_key": auth_key,
                "ct": aead_encrypt(suite, v["key"], v["nonce"], v["aad"], v["pt"])}
    return mismatches(computed, v)


CHECKS = {
    "header": check_header,
    "sframe": check_sframe,
    "sframe_aes_256_ctr_hmac": check_sframe,
    "aes_ctr_hmac": check_ctr_hmac,
    "aes_256_ctr_hmac": check_ctr_hmac,
}


def check_vector(section, vector):
    """A list of failure descriptions; empty when the vector passes."""
    try:
        values = fields(section, vector)
        if section in ("aes_ctr_hmac", "aes_256_ctr_hmac") and len(values["nonce"]) != 12:
            raise BadVector("nonce is %d bytes, not 12" % len(values["nonce"]))
        return ["%s differs: file %s, computed %s" % (name, given.hex(), value.hex())
                for name, given, value in CHECKS[section](values)]
    except BadVector as error:
        return [str(error)]
    except ValueError as error:  # a key or nonce length the cipher refuses
        return ["cannot compute: %s" % error]


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    duplicated = sorted({k for k in keys if keys.count(k) > 1})
    if duplicated:
        raise Malformed("duplicated JSON keys %s" % duplicated)
    return dict(pairs)


def parse(text, expect_count=None):
    """The document's sections, in file order; Malformed when it cannot be checked."""
    if not text.strip():
        raise Malformed("the file is empty")
    try:
        document = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except ValueError as error:
        raise Malformed("not valid JSON: %s" % error)
    if not isinstance(document, dict) or not document:
        raise Malformed("not a JSON object of vector arrays")
    for section, vectors in document.items():
        if section not in CHECKS:
            raise Malformed("unknown section %r (known: %s)" % (section, ", ".join(sorted(CHECKS))))
        if not isinstance(vectors, list) or not vectors:
            raise Malformed("section %r is not a non-empty array" % section)
        if expect_count is not None and section == "header" and len(vectors) != expect_count:
            raise Malformed("section %r holds %d vectors, expected %d" % (section, len(vectors), expect_count))
        if expect_count is not None and section == "sframe":
            for suite, count in sorted(suite_counts(vectors).items()):
                if count != expect_count:
                    raise Malformed("section %r holds %d vectors of cipher_suite %r, expected %d"
                                    % (section, count, suite, expect_count))
    if not SFRAME_SECTIONS & set(document):
        raise Malformed("no SFrame encryption vectors (no %s section)" % " or ".join(sorted(SFRAME_SECTIONS)))
    if expect_count is not None and not {"header", "sframe"} <= set(document):
        raise Malformed("--expect-count %d: the file needs a header and an sframe section" % expect_count)
    return document


def suite_counts(vectors):
    """cipher_suite -> how many of `vectors` name it (None for a vector without one)."""
    counts = {}
    for vector in vectors:
        suite = vector.get("cipher_suite") if isinstance(vector, dict) else None
        key = suite if isinstance(suite, int) and not isinstance(suite, bool) else None
        counts[key] = counts.get(key, 0) + 1
    return counts


def describe(section, index, vector):
    if isinstance(vector, dict):
        parts = ["%s %r" % (k, vector[k]) for k in ("cipher_suite", "kid", "ctr") if k in vector]
        if parts:
            return "%s[%d] (%s)" % (section, index, ", ".join(parts))
    return "%s[%d]" % (section, index)


def check_document(document, out, per_suite=None):
    """(passed, failed); per_suite, when given, gets [passed, failed] per cipher suite."""
    passed = failed = 0
    for section, vectors in document.items():
        for index, vector in enumerate(vectors):
            problems = check_vector(section, vector)
            suite = vector.get("cipher_suite") if isinstance(vector, dict) else None
            tally = per_suite.setdefault(suite, [0, 0]) if per_suite is not None and suite is not None else [0, 0]
            if problems:
                failed += 1
                tally[1] += 1
                for problem in problems:
                    out.write("FAIL %s: %s\n" % (describe(section, index, vector), problem))
            else:
                passed += 1
                tally[0] += 1
    return passed, failed


def read(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as error:
        raise Malformed("cannot read: %s" % error.strerror)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed("not UTF-8 text")


# --- the negative control -------------------------------------------------------------------

def mutations(value):
    """Mutated copies of one field's value, each different from it."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return []
    if isinstance(value, int):
        return [value ^ 1, (value + 1) % U64 if value + 1 < U64 else value - 1]
    raw = bytes.fromhex(value)
    if not raw:
        return [b"\x00".hex()]
    out = []
    for position in sorted({0, len(raw) // 2, len(raw) - 1}):
        mutated = bytearray(raw)
        mutated[position] ^= 0x01
        out.append(bytes(mutated).hex())
    return out


DOCUMENT_FAULTS = [
    ("an empty file", lambda text, doc: ""),
    ("whitespace only", lambda text, doc: "\n  \n"),
    ("truncated JSON", lambda text, doc: text[: len(text) // 2]),
    ("not JSON", lambda text, doc: "header: []"),
    ("an empty object", lambda text, doc: "{}"),
    ("a JSON array", lambda text, doc: "[]"),
    ("every section emptied", lambda text, doc: json.dumps({k: [] for k in doc})),
    ("no SFrame encryption vectors", lambda text, doc: json.dumps({k: v for k, v in doc.items() if k not in SFRAME_SECTIONS} or {"header": []})),
    ("an unknown section", lambda text, doc: json.dumps(dict(doc, extra=[{}]))),
    ("a duplicated key", lambda text, doc: text.replace("{", '{"sframe": [], ', 1) if "sframe" in doc else text.replace("{", '{"sframe_aes_256_ctr_hmac": [], ', 1)),
]


def vector_faults(section, vector):
    """Per-vector structural faults: each must fail the vector."""
    faults = []
    name = SECTION_FIELDS[section][-1]
    faults.append(("missing field %s" % name, {k: v for k, v in vector.items() if k != name}))
    faults.append(("unknown field", dict(vector, unchecked="00")))
    hex_field = next(f for f in SECTION_FIELDS[section] if f not in INTEGER_FIELDS)
    faults.append(("non-hex %s" % hex_field, dict(vector, **{hex_field: "zz"})))
    faults.append(("odd-length %s" % hex_field, dict(vector, **{hex_field: vector[hex_field] + "0"})))
    faults.append(("spaced hex %s" % hex_field, dict(vector, **{hex_field: " " + vector[hex_field]})))
    int_field = next((f for f in SECTION_FIELDS[section] if f in INTEGER_FIELDS), None)
    if int_field:
        faults.append(("%s a string" % int_field, dict(vector, **{int_field: str(vector[int_field])})))
        faults.append(("%s negative" % int_field, dict(vector, **{int_field: -1})))
        faults.append(("%s 2^64" % int_field, dict(vector, **{int_field: U64})))
    if "cipher_suite" in vector:
        faults.append(("unknown cipher_suite", dict(vector, cipher_suite=9)))
    return faults


def self_test(path, out):
    """Returns (mutations tried, mutations missed); Malformed when the file itself fails."""
    text = read(path)
    document = parse(text)
    passed, failed = check_document(document, out)
    if failed:
        raise Malformed("the unmodified file does not pass (%d failed), so mutations prove nothing" % failed)
    tried = missed = 0
    for label, fault in DOCUMENT_FAULTS:
        tried += 1
        try:
            parse(fault(text, document))
        except Malformed:
            continue
        missed += 1
        out.write("MISSED %s: %s was accepted\n" % (path, label))
    for section, vectors in document.items():
        for index, vector in enumerate(vectors):
            cases = []
            for field in SECTION_FIELDS[section]:
                for value in mutations(vector[field]):
                    cases.append(("%s mutated to %r" % (field, value), dict(vector, **{field: value}), field))
            for label, faulty in vector_faults(section, vector):
                cases.append((label, faulty, None))
            for label, mutated, field in cases:
                tried += 1
                problems = check_vector(section, copy.deepcopy(mutated))
                # A mutated field must be reported, by name or as unusable (a suite change,
                # say, is caught as differing labels and keys or as an unknown suite).
                if not problems:
                    missed += 1
                    out.write("MISSED %s: %s was accepted\n" % (describe(section, index, vector), label))
    return tried, missed


# --- command line ---------------------------------------------------------------------------

def usage(message):
    sys.stderr.write("check-sframe-vectors: %s\nusage: %s [--expect-count N] FILE... | --self-test FILE...\n"
                     % (message, sys.argv[0]))
    return 2


def main(argv):
    args = list(argv)
    selftest = "--self-test" in args
    if selftest:
        args.remove("--self-test")
    expect_count = None
    if "--expect-count" in args:
        i = args.index("--expect-count")
        try:
            expect_count = int(args[i + 1])
        except (IndexError, ValueError):
            return usage("--expect-count needs a number")
        del args[i:i + 2]
    expect_suites = None
    if "--expect-suites" in args:
        i = args.index("--expect-suites")
        try:
            value = args[i + 1]
            expect_suites = set(SUITES) if value == "all" else {int(x) for x in value.split(",")}
        except (IndexError, ValueError):
            return usage("--expect-suites needs all or a comma-separated list of suite numbers")
        del args[i:i + 2]
    if any(a.startswith("-") for a in args):
        return usage("unknown option %s" % next(a for a in args if a.startswith("-")))
    if not args:
        return usage("no vector file given")

    if selftest:
        tried = missed = 0
        for path in args:
            try:
                t, m = self_test(path, sys.stdout)
            except Malformed as error:
                sys.stdout.write("%s: %s\n" % (path, error))
                return 2
            sys.stdout.write("%s: %d mutations, %d caught\n" % (path, t, t - m))
            tried, missed = tried + t, missed + m
        sys.stdout.write("self-test: %d mutations, %d caught, %d missed\n" % (tried, tried - missed, missed))
        return 1 if missed else 0

    passed = failed = 0
    per_suite = {}
    for path in args:
        try:
            document = parse(read(path), expect_count)
            if expect_suites is not None:
                present = {k for k in suite_counts(document.get("sframe", [])) if k is not None}
                if present != expect_suites:
                    raise Malformed("the sframe section's cipher suites are %s, expected %s"
                                    % (sorted(present), sorted(expect_suites)))
        except Malformed as error:
            sys.stdout.write("%s: %s\n" % (path, error))
            sys.stdout.write("%d passed, %d failed\n" % (passed, failed))
            return 2
        p, f = check_document(document, sys.stdout, per_suite)
        counts = ", ".join("%d %s" % (len(v), k) for k, v in document.items())
        sys.stdout.write("%s: %s; %d passed, %d failed\n" % (path, counts, p, f))
        passed, failed = passed + p, failed + f
    for suite in sorted(per_suite):
        p, f = per_suite[suite]
        name = SUITES[suite].name if suite in SUITES else "not an SFrame suite"
        sys.stdout.write("  suite %s %s: %d passed, %d failed\n" % (suite, name, p, f))
    sys.stdout.write("%d passed, %d failed\n" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
