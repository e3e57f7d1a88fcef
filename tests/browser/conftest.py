"""Fixtures of the browser tests: the release as the intranet host serves it."""

from __future__ import annotations

import io

import pytest

from scripts.bank.model import load_bank
from scripts.publish import dist
from scripts.publish.deploy import LocalTransport, deploy
from scripts.publish.nginx import loopback_server_config
from tests.conftest import ROOT, SUBPATH
from tests.support.servers import NGINX, Nginx, free_port


@pytest.fixture(scope="session")
def bank():
    """The question bank as the build reads it."""
    return load_bank(ROOT / "docs", ROOT)


@pytest.fixture(scope="session")
def release_server(site_dir, site_port, tmp_path_factory):
    """Base URL of nginx serving <target>/current/site through the deployed release's nginx.conf."""
    if not NGINX.exists():
        pytest.fail("缺少 nginx：sudo apt-get install -y nginx", pytrace=False)
    work = tmp_path_factory.mktemp("crawl")
    site_url = f"http://127.0.0.1:{site_port}{SUBPATH}"
    info = dist.release_info(site_dir, version="crawl", git=dist.git_facts(), site_url=site_url)
    dist.write_release(site_dir, work / "dist", info)
    target = work / "srv"
    deploy(LocalTransport(), str(target), work / "dist", out=io.StringIO())
    server = Nginx(target / "current" / "site", work / "nginx", free_port(), SUBPATH)
    server.conf.write_text(loopback_server_config(prefix=server.prefix, port=server.port, subpath=SUBPATH, root=target,
                                                  include=target / "current" / "nginx.conf"), encoding="utf-8")
    server.start()
    yield server.base_url, site_url
    server.stop()
