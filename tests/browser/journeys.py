"""What a person does in every browser journey: follow a link or a button to the page it opens, log in."""

from tests.accounts.factories import PASSWORD


def follow(page, target):
    """Click a link or a submit button and wait for the page it opens.

    Playwright's click does not wait for the navigation it starts: a page read right after it may still be the
    old one, or the new one before its body is parsed.
    """
    with page.expect_navigation():
        target.click()


def log_in(page, base, email, next_url=None, password=PASSWORD):
    """Log in through the site's own form, as a new visitor (no cookie kept), then follow it to `next_url`."""
    page.context.clear_cookies()
    page.goto(f"{base}/compte/connexion/" + (f"?next={next_url}" if next_url else ""))
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    follow(page, page.get_by_role("button", name="Se connecter"))
