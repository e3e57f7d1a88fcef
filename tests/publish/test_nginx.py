"""The shipped nginx configuration: rendered text, `nginx -t`, and real responses on loopback."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from scripts.publish import csp, nginx
from tests.support.servers import NGINX, Nginx, free_port


def test_subpath_is_normalised():
    assert nginx.normalise_subpath("xinfang") == "/xinfang/"
    assert nginx.normalise_subpath("/a/b") == "/a/b/"
    assert nginx.normalise_subpath("/") == "/"


def test_rendered_location_has_subpath_root_and_headers_in_every_location(small_site):
    text = nginx.render_location("/xinfang/", small_site)
    assert "location = /xinfang {" in text and "location ^~ /xinfang/ {" in text
    assert f"alias {small_site}/;" in text
    assert "error_page 404 /xinfang/404.html;" in text
    assert "@" not in text  # every placeholder filled
    policy = csp.policy(small_site)
    # nginx drops a parent's add_header in a location with its own: each of the four repeats them.
    assert text.count(f'add_header Content-Security-Policy "{policy}" always;') == 3
    assert text.count(f'add_header Content-Security-Policy "{csp.allow_wasm(policy)}" always;') == 1
    for name, _ in nginx.SECURITY_HEADERS:
        assert text.count(f"add_header {name} ") == 4
    assert "gzip on;" in text


def test_render_without_a_site_needs_the_policy(tmp_path):
    with pytest.raises(ValueError):
        nginx.render_location("/xinfang/", tmp_path / "nowhere")
    assert "default-src" in nginx.render_location("/xinfang/", tmp_path / "nowhere", csp="default-src 'self'")


@pytest.fixture(scope="module")
def small_server(tmp_path_factory):
    from tests.publish.conftest import make_site

    if not NGINX.exists():
        pytest.fail("缺少 nginx：sudo apt-get install -y nginx", pytrace=False)
    site = make_site(tmp_path_factory.mktemp("nginx-site") / "site")
    (site / "assets" / "bundle.0123abcd.min.js").write_text("/* fingerprinted */" * 100, encoding="utf-8")
    (site / "assets" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (site / "reporting" / "self-check").mkdir(parents=True)
    (site / "reporting" / "self-check" / "index.html").write_text("<h1>报告自查</h1>", encoding="utf-8")
    (site / "assets" / "runtime.wasm").write_bytes(b"\0asm" + b"\0" * 4096)
    server = Nginx(site, tmp_path_factory.mktemp("nginx"), free_port(), "/xinfang/").start()
    yield server
    server.stop()


def fetch(url: str, gzip_ok: bool = False):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        return urllib.request.build_opener(NoRedirect).open(req, timeout=5)
    except urllib.error.HTTPError as err:
        return err


def test_html_revalidates_and_carries_security_headers(small_server):
    res = fetch(small_server.base_url)
    assert res.status == 200
    assert res.headers["Cache-Control"] == "no-cache"
    assert res.headers["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self' 'unsafe-hashes' 'sha256-")
    assert res.headers["X-Content-Type-Options"] == "nosniff"
    assert res.headers["Referrer-Policy"] == "same-origin"
    assert res.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in res.headers["Permissions-Policy"]
    assert "charset=utf-8" in res.headers["Content-Type"]


def test_fingerprinted_assets_are_cached_for_a_year_others_for_a_day(small_server):
    res = fetch(small_server.base_url + "assets/bundle.0123abcd.min.js")
    assert res.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert res.headers["X-Content-Type-Options"] == "nosniff"
    assert res.headers["Content-Security-Policy"]
    assert fetch(small_server.base_url + "assets/logo.svg").headers["Cache-Control"].startswith("public, max-age=86400")
    assert fetch(small_server.base_url + "assets/app.js").headers["Cache-Control"] == "no-cache"


def test_only_the_self_check_page_may_compile_webassembly(small_server):
    page = fetch(small_server.base_url + "reporting/self-check/")
    assert page.status == 200 and "报告自查" in page.read().decode("utf-8")
    policy = page.headers["Content-Security-Policy"]
    assert policy == csp.allow_wasm(fetch(small_server.base_url).headers["Content-Security-Policy"])
    assert "'wasm-unsafe-eval'" in policy.split("script-src", 1)[1].split(";")[0]
    assert page.headers["Cache-Control"] == "no-cache" and page.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert fetch(small_server.base_url + "reporting/self-check/index.html").headers["Content-Security-Policy"] == policy
    for other in ["", "law/", "reporting/self-check/other.html", "assets/app.js"]:
        assert "wasm-unsafe-eval" not in fetch(small_server.base_url + other).headers["Content-Security-Policy"], other
    wasm = fetch(small_server.base_url + "assets/runtime.wasm", gzip_ok=True)
    assert wasm.headers["Content-Type"] == "application/wasm" and wasm.headers["Content-Encoding"] == "gzip"


def test_gzip(small_server):
    res = fetch(small_server.base_url + "assets/bundle.0123abcd.min.js", gzip_ok=True)
    assert res.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(res.read()).startswith(b"/* fingerprinted */")


def test_custom_404_with_status_404_and_headers(small_server):
    res = fetch(small_server.base_url + "no/such/page/")
    assert res.status == 404
    assert "页面不存在" in res.read().decode("utf-8")
    assert res.headers["Content-Security-Policy"] and res.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_redirects_stay_relative_to_the_host(small_server):
    res = fetch(f"http://127.0.0.1:{small_server.port}/xinfang")
    assert res.status == 301 and res.headers["Location"].endswith("/xinfang/")
    res = fetch(small_server.base_url + "law")
    assert res.status == 301 and res.headers["Location"] == "/xinfang/law/"


def test_nginx_accepts_the_config_of_a_deployed_release(tmp_path, release_factory):
    """`include <target>/current/nginx.conf`, as the host does, passes `nginx -t`."""
    from scripts.publish.deploy import LocalTransport, deploy

    target = tmp_path / "srv"
    deploy(LocalTransport(), str(target), release_factory("1.0.0"), out=open("/dev/null", "w"))
    conf = tmp_path / "ng" / "nginx.conf"
    conf.parent.mkdir()
    conf.write_text(nginx.loopback_server_config(prefix=conf.parent, port=free_port(), subpath="/xinfang/", root=target,
                                                 include=target / "current" / "nginx.conf"), encoding="utf-8")
    import subprocess

    proc = subprocess.run([str(NGINX), "-t", "-c", str(conf), "-p", str(conf.parent)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert f"alias {target}/current/site/;" in (target / "current" / "nginx.conf").read_text(encoding="utf-8")


def test_site_at_the_web_root_has_no_redirect_loop(small_site):
    text = nginx.render_location("/", small_site)
    assert "return 301" not in text
    assert "location ^~ / {" in text and "error_page 404 /404.html;" in text
