"""Copy the front-end assets installed by npm into the app's static files (no CDN)."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules"
TARGET = ROOT / "tremplin" / "static" / "vendor"

FILES = {
    "bootstrap/dist/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "bootstrap/dist/css/bootstrap.min.css.map": "bootstrap/bootstrap.min.css.map",
    "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/bootstrap.bundle.min.js",
    "bootstrap/dist/js/bootstrap.bundle.min.js.map": "bootstrap/bootstrap.bundle.min.js.map",
    "bootstrap-icons/font/bootstrap-icons.min.css": "bootstrap-icons/bootstrap-icons.min.css",
    "bootstrap-icons/font/fonts/bootstrap-icons.woff2": "bootstrap-icons/fonts/bootstrap-icons.woff2",
    "bootstrap-icons/font/fonts/bootstrap-icons.woff": "bootstrap-icons/fonts/bootstrap-icons.woff",
    "chart.js/dist/chart.umd.min.js": "chartjs/chart.umd.min.js",
    # its source map too: the production manifest (collectstatic) follows sourceMappingURL.
    "chart.js/dist/chart.umd.min.js.map": "chartjs/chart.umd.min.js.map",
}


def main() -> None:
    for source, target in FILES.items():
        src = SOURCE / source
        if not src.exists():
            raise SystemExit(f"Fichier introuvable : {src} (lancez `npm ci`).")
        dst = TARGET / target
        dst.parent.mkdir(parents=True, exist_ok=True)
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            shutil.copyfile(src, dst)
    print(f"Ressources front-end copiées dans {TARGET.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
