"""A password hasher that counts its work, for the tests that check an answer costs the same whoever asks."""

from collections import Counter

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    """The test settings' MD5 hasher (same algorithm, same hashes), counting `encode` and `verify` calls.

    `verify` hashes through `encode`: `calls["encode"]` is the number of
    hashes computed, whether to store a password or to check one.
    """

    calls: Counter = Counter()

    def encode(self, password, salt):
        self.calls["encode"] += 1
        return super().encode(password, salt)

    def verify(self, password, encoded):
        self.calls["verify"] += 1
        return super().verify(password, encoded)
