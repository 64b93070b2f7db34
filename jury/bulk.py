"""Which files a bulk decision covers, from the ranking: pure, no ORM.

Staff pick the files by checkbox, or "the first N" of the ranking, or
"everything below rank N" (ranks as the ranking shows them: tied files share a
rank, unranked files, nobody scored yet, come last and count as below).
"""

CHECKED, FIRST, BELOW = "cases", "premiers", "sous-le-rang"


def select(ranked: list[tuple[int, int | None]], mode: str, number: int | None, checked: set[int]) -> list[int]:
    """Application ids the bulk covers, in ranking order. `ranked` is [(application id, rank or None)], best
    first; `number` is N for FIRST (the first N files) and BELOW (rank strictly greater than N)."""
    if mode == CHECKED:
        return [application_id for application_id, _rank in ranked if application_id in checked]
    if number is None or number < 0:
        return []
    if mode == FIRST:
        return [application_id for application_id, _rank in ranked[:number]]
    if mode == BELOW:
        return [application_id for application_id, rank in ranked if rank is None or rank > number]
    return []
