//! Sending a link: the system share sheet where the browser has one, else
//! the clipboard. Either may be missing, refused or throw; the caller is
//! told what happened and shows the link itself whatever the outcome.

use super::{as_promise, call, global, property};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What became of the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// Handed to the system share sheet.
    Shared,
    /// The person closed the share sheet without sharing.
    Cancelled,
    /// Copied to the clipboard.
    Copied,
    /// Neither worked: the person copies the link shown.
    Failed,
}

/// Shares `url` titled `title`, or copies it.
pub async fn send(title: &str, url: &str) -> Sent {
    let Some(navigator) = global("navigator") else {
        return Sent::Failed;
    };
    if property(&navigator, "share").is_some() {
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"url".into(), &url.into());
        if let Some(promise) = call(&navigator, "share", &[data.into()]).and_then(as_promise) {
            match JsFuture::from(promise).await {
                Ok(_) => return Sent::Shared,
                Err(error) if name(&error) == "AbortError" => return Sent::Cancelled,
                // Refused (not allowed here, say): try the clipboard.
                Err(_) => {}
            }
        }
    }
    let copied = match property(&navigator, "clipboard")
        .and_then(|clipboard| call(&clipboard, "writeText", &[url.into()]))
        .and_then(as_promise)
    {
        Some(promise) => JsFuture::from(promise).await.is_ok(),
        None => false,
    };
    if copied {
        Sent::Copied
    } else {
        Sent::Failed
    }
}

fn name(error: &JsValue) -> String {
    property(error, "name")
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}
