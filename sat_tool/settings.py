"""User preferences kept between runs: a small JSON file in the user's config folder.

``$SAT_TOOL_CONFIG_DIR`` overrides the folder (the tests use it). A missing or
unreadable file means defaults; preferences never stop the program starting.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

ENV_CONFIG_DIR = "SAT_TOOL_CONFIG_DIR"


def config_dir() -> Path:
    """Where preferences live."""
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_config_path("sat-tool", appauthor=False)


def default_analyst() -> str:
    """The operating-system user name, or ``analyst`` when it cannot be read."""
    try:
        return getpass.getuser() or "analyst"
    except Exception:  # getpass raises various errors when no user name is set
        return "analyst"


@dataclass
class Preferences:
    """What the user has chosen: the analyst name recorded on ratings, the last report banner."""

    analyst: str = ""
    classification: str = ""
    zoom: float = 1.0
    """How large the matrix text is drawn (Ctrl+plus, Ctrl+minus, Ctrl+0)."""

    def __post_init__(self) -> None:
        self.analyst = self.analyst.strip() or default_analyst()

    @classmethod
    def load(cls) -> Preferences:
        """The saved preferences, or defaults."""
        try:
            data = json.loads((config_dir() / "preferences.json").read_text(encoding="utf-8"))
            zoom = data.get("zoom", 1.0)
            zoom = float(zoom) if isinstance(zoom, (int, float)) and 0.5 <= zoom <= 3 else 1.0
            return cls(analyst=str(data.get("analyst", "")),
                       classification=str(data.get("classification", "")), zoom=zoom)
        except (OSError, ValueError, AttributeError):
            return cls()

    def save(self) -> None:
        """Write the preferences file."""
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "preferences.json.part"
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(folder / "preferences.json")
