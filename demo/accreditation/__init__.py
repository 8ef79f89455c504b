"""Demo organizations (30) with their programmes (~80), and accreditation projects."""

from .projects import seed
from .scale import seed_scale

__all__ = ["seed", "seed_scale"]
