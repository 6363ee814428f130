//! The Content Security Policy of each built page, written into it as a
//! `<meta>` tag (static hosts rarely let a site set headers): scripts only
//! from the app's own origin plus each inline script by the SHA-256 of its
//! text, WebAssembly compiled with 'wasm-unsafe-eval', and no
//! 'unsafe-inline' or 'unsafe-eval'. Written last, once nothing else
//! changes the page's scripts.

use super::{inline_scripts, rewrite};
use base64::Engine;
use lol_html::element;
use lol_html::html_content::ContentType;
use sha2::{Digest, Sha256};
use std::cell::Cell;

/// `page` with its policy, worked out afresh from its inline scripts (an
/// older policy goes). `None` when the page has no `<meta charset>`, the
/// policy's place: it must come before the first script, and right after
/// the charset is first.
pub fn protect(page: &str) -> Option<String> {
    let policy = policy(&inline_scripts(page)?);
    let (placed, charset) = (Cell::new(false), Cell::new(false));
    let page = rewrite(
        page,
        vec![
            element!(r#"meta[http-equiv="Content-Security-Policy" i]"#, |el| {
                el.remove();
                Ok(())
            }),
            element!("meta[charset]", |el| {
                if !charset.replace(true) {
                    el.after(&policy, ContentType::Html);
                    placed.set(true);
                }
                Ok(())
            }),
        ],
    )?;
    placed.get().then_some(page)
}

/// The policy's tag, allowing `scripts` by their hashes.
fn policy(scripts: &[String]) -> String {
    let hashes: String = scripts
        .iter()
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            format!(" 'sha256-{encoded}'")
        })
        .collect();
    let policy = [
        "default-src 'self'",
        &format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
        "style-src 'self'",
        "img-src 'self' data:",
        // The routine's track: a WAV file the page builds (a blob: address).
        "media-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    .join("; ");
    format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of `text` as a policy names it.
    fn hash(text: &str) -> String {
        let digest = Sha256::digest(text.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    }

    #[test]
    fn each_inline_script_is_allowed_by_its_hash_and_nothing_else() {
        let page = "<!doctype html><html lang=en><meta charset=utf-8><title>t</title><script>a()</script><script defer src=./start.js></script><body><script>if (1 < 2) b()</script>";
        let out = protect(page).unwrap();
        let policy = out.split('"').nth(3).unwrap();
        assert!(out.starts_with("<!doctype html><html lang=en><meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\" content=\""), "{out}");
        assert_eq!(
            policy.split("; ").nth(1).unwrap(),
            format!(
                "script-src 'self' 'wasm-unsafe-eval' {} {}",
                hash("a()"),
                hash("if (1 < 2) b()")
            )
        );
        // (SHA-256 of "a()", as a browser computes it.)
        assert_eq!(
            hash("a()"),
            "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"
        );
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        // The rest of the page is as it was.
        assert!(out.ends_with("<title>t</title><script>a()</script><script defer src=./start.js></script><body><script>if (1 < 2) b()</script>"));
    }

    #[test]
    fn a_page_protected_again_has_one_policy_worked_out_afresh() {
        let once = protect("<meta charset=utf-8><script>a()</script>").unwrap();
        let changed = once.replace("a()", "b()");
        let twice = protect(&changed).unwrap();
        assert_eq!(twice.matches("Content-Security-Policy").count(), 1, "{twice}");
        assert!(
            twice.contains(&hash("b()")) && !twice.contains(&hash("a()")),
            "{twice}"
        );
        // No charset, no place for it.
        assert_eq!(protect("<title>t</title><script>a()</script>"), None);
    }
}
