//! Persistent storage: asking the browser not to clear the site's data on
//! its own (Safari clears it after seven days without a visit unless it is
//! persistent). Browsers without the API, or that refuse, leave the data as
//! ordinary site data.

use super::{as_promise, call, global, property};
use wasm_bindgen_futures::JsFuture;

/// Whether the site's data is kept until the person clears it: `None`
/// where the browser cannot say.
pub async fn is_persisted() -> Option<bool> {
    ask_storage("persisted").await
}

/// Asks for the site's data to be kept until the person clears it; the
/// answer, or `None` where the browser cannot be asked. Some browsers ask
/// the person; others decide from how the site is used.
pub async fn ask() -> Option<bool> {
    ask_storage("persist").await
}

async fn ask_storage(method: &str) -> Option<bool> {
    let storage = property(&global("navigator")?, "storage")?;
    let promise = call(&storage, method, &[]).and_then(as_promise)?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
