"""Amazon's own web-service request verifier (ask-sdk-webservice-support 1.3.3) over the
cases voiceops/end-to-end/tests/webservice_peer.rs writes, with the test CA injected; prints one JSON
verdict per case ({"name": ..., "verdict": "accept" | "reject", "why": ...}).

Two things are injected, nothing else of Amazon's code is touched:
- `urlopen` serves each case's certificate chains instead of fetching them;
- `certvalidator` is replaced by a stand-in with the same interface, because certvalidator's
  crypto backend (oscrypto 1.3.0, the latest release) cannot load on OpenSSL 3.0.10 and
  later. The stand-in validates the chain to the test root with `cryptography`'s X.509 path
  validation and checks the key usage as certvalidator's validate_usage does.

Usage: webservice_peer.py CASES.json
"""

import io
import json
import sys
import types

from cryptography import x509
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

CASES = json.load(open(sys.argv[1]))
ROOTS = [x509.load_pem_x509_certificate(CASES["root"].encode())]


class ValidationError(Exception):
    pass


class PathError(Exception):
    pass


class CertificateValidator(object):
    """certvalidator.CertificateValidator's interface, over cryptography's path validation."""

    def __init__(self, end_entity_cert, intermediate_certs=None, validation_context=None):
        self.leaf = x509.load_der_x509_certificate(end_entity_cert)
        self.intermediates = [x509.load_der_x509_certificate(c) for c in intermediate_certs or []]

    def validate_usage(self, key_usage, extended_key_usage=None, extended_optional=False):
        verifier = PolicyBuilder().store(Store(ROOTS)).build_client_verifier()
        try:
            verifier.verify(self.leaf, self.intermediates)
        except VerificationError as e:
            raise PathError(str(e))
        try:
            usage = self.leaf.extensions.get_extension_for_class(x509.KeyUsage).value
        except x509.ExtensionNotFound:
            raise ValidationError("the certificate has no key usage")
        if "digital_signature" in key_usage and not usage.digital_signature:
            raise ValidationError("the certificate is not for digital signatures")


certvalidator = types.ModuleType("certvalidator")
certvalidator.CertificateValidator = CertificateValidator
certvalidator_errors = types.ModuleType("certvalidator.errors")
certvalidator_errors.ValidationError = ValidationError
certvalidator_errors.PathError = PathError
certvalidator.errors = certvalidator_errors
sys.modules["certvalidator"] = certvalidator
sys.modules["certvalidator.errors"] = certvalidator_errors

from ask_sdk_core.serialize import DefaultSerializer  # noqa: E402
from ask_sdk_model import RequestEnvelope  # noqa: E402
from ask_sdk_webservice_support import verifier as amazon  # noqa: E402

CHAINS = {url: pem.encode() for url, pem in CASES["chains"].items()}


def served(url):
    if url not in CHAINS:
        raise IOError("404 for " + url)
    return io.BytesIO(CHAINS[url])


amazon.urlopen = served
serializer = DefaultSerializer()

for case in CASES["cases"]:
    try:
        body = case["body"]
        envelope = serializer.deserialize(payload=body, obj_type=RequestEnvelope)
        for check in (amazon.RequestVerifier(), amazon.TimestampVerifier()):
            check.verify(case["headers"], body, envelope)
        verdict = {"verdict": "accept", "why": ""}
    except Exception as e:  # any failure is a refusal, as in Amazon's web-service handler
        verdict = {"verdict": "reject", "why": "%s: %s" % (type(e).__name__, e)}
    verdict["name"] = case["name"]
    print(json.dumps(verdict))
