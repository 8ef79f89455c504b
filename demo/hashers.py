"""A cheap hasher for the demo accounts only.

The demo walks ~80 electronic signatures, each re-checking a password; with the default
1 000 000 PBKDF2 iterations that alone takes 20 s of `make run`. Demo accounts are hashed
with this hasher instead; Django re-hashes a password with the default hasher the first
time its owner signs in, so no real account ever keeps a weak hash.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class DemoPasswordHasher(PBKDF2PasswordHasher):
    algorithm = "pbkdf2_sha256_demo"
    iterations = 1000
