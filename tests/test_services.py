"""The per-user rate limit: a sliding window, and bounded memory under a crowd."""

from __future__ import annotations

import pytest

from bot import services
from bot.services import UserRateLimit


def test_each_user_gets_the_limit_within_a_sliding_window() -> None:
    rate = UserRateLimit(limit=3, window=60.0)
    assert [rate.allow(1, now=t) for t in (0, 1, 2, 3)] == [True, True, True, False]
    assert rate.allow(2, now=3)  # another user is not held back
    assert not rate.allow(1, now=59.9)
    assert rate.allow(1, now=60.5)  # the first request has left the window


def test_a_crowd_is_forgotten_once_quiet_but_active_users_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services, "MAX_TRACKED_USERS", 100)
    rate = UserRateLimit(limit=2, window=60.0)
    for user in range(150):
        rate.allow(user, now=0)
    rate.allow(7, now=50)
    rate.allow(7, now=61)  # past the window: the quiet crowd is dropped, user 7 stays
    assert rate.tracked == {7}
    assert not rate.allow(7, now=62)  # its requests at 50 and 61 still count
