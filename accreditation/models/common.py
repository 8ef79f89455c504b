"""What several aggregates share: records that are written once and never changed."""


def immutable(instance) -> None:
    if instance.pk is not None:
        raise ValueError(f"{type(instance).__name__} records are never changed once written.")
