"""The machine a run is on: cores, memory, CPU, load, versions; a process's memory and CPU."""

from __future__ import annotations

import contextlib
import os
import platform
import time
from pathlib import Path


def _meminfo_gb() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024**2:.1f} GB"
    return "unknown"


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load_average() -> str:
    """Return the load average over 1, 5 and 15 minutes, as the table shows it."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def machine_info() -> dict[str, str]:
    """Cores, memory, CPU, load and versions of the machine the run is on."""
    import folium
    import streamlit
    import streamlit_folium

    return {
        "Cores": str(os.cpu_count()),
        "Memory": _meminfo_gb(),
        "CPU": _cpu_model(),
        "Load average at start (1/5/15 min)": load_average(),
        "Python": platform.python_version(),
        "Versions": (
            f"streamlit {streamlit.__version__}, folium {folium.__version__}, "
            f"streamlit-folium {getattr(streamlit_folium, '__version__', '0.27.4')}"
        ),
        "Started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
