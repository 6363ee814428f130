//! Files: saving text as a download, and reading the text of a file the
//! person picked. Where the browser lacks a part of this, the caller is
//! told and says so in the page.

use super::{as_promise, call, global, property};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file called `name` to download; false where the
/// browser cannot.
pub fn download(name: &str, text: &str, mime: &str) -> bool {
    let (Some(blob_class), Some(url_class)) = (global("Blob"), global("URL")) else {
        return false;
    };
    let Ok(blob_class) = blob_class.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"type".into(), &mime.into());
    let parts = Array::of1(&text.into());
    let Ok(blob) = Reflect::construct(&blob_class, &Array::of2(&parts, &options)) else {
        return false;
    };
    let Some(url) = call(&url_class, "createObjectURL", &[blob]) else {
        return false;
    };
    let Some(link) = super::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
    else {
        return false;
    };
    let href = url.as_string().unwrap_or_default();
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("download", name);
    let clicked = call(&link, "click", &[]).is_some();
    // Long enough for any browser to have started the download.
    gloo_timers::callback::Timeout::new(60_000, move || {
        call(&url_class, "revokeObjectURL", &[href.into()]);
    })
    .forget();
    clicked
}

/// Why a picked file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// No file was picked.
    NoFile,
    /// Larger than `limit` bytes: not read at all.
    TooLarge,
    /// The browser could not read it (or cannot read files).
    Unreadable,
}

/// Empties a file picker (`input`, the element), so that the same file
/// can be picked again and heard again.
pub fn forget_pick(input: &JsValue) {
    let _ = js_sys::Reflect::set(input, &"value".into(), &"".into());
}

/// The text of the first file picked in the file input `input`, if it is
/// at most `limit` bytes.
pub async fn read_text(input: &JsValue, limit: usize) -> Result<String, ReadError> {
    let file = property(input, "files")
        .and_then(|files| call(&files, "item", &[JsValue::from(0)]))
        .filter(|f| !f.is_null() && !f.is_undefined())
        .ok_or(ReadError::NoFile)?;
    let size = property(&file, "size").and_then(|s| s.as_f64()).unwrap_or(0.0);
    if size > limit as f64 {
        return Err(ReadError::TooLarge);
    }
    let promise = call(&file, "text", &[])
        .and_then(as_promise)
        .ok_or(ReadError::Unreadable)?;
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(ReadError::Unreadable)
}
