// An enum names every shape a value can take; `match` must handle each one, or the program does not compile.
#[derive(Debug)]
enum Route {
    Health,
    User { id: u64 },
    Search(Option<String>),
    NotFound,
}

fn route(method: &str, path: &str) -> Route {
    // Split "/users/7?x=1" into segments and an optional query string.
    let (path, query) = match path.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (path, None),
    };
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (method, segments.as_slice()) {
        ("GET", ["health"]) => Route::Health,
        ("GET", ["users", id]) => match id.parse() {
            Ok(id) => Route::User { id },
            Err(_) => Route::NotFound,
        },
        ("GET", ["search"]) => Route::Search(query.and_then(|q| q.strip_prefix("q=")).map(str::to_string)),
        _ => Route::NotFound,
    }
}

fn status(route: &Route) -> u16 {
    match route {
        Route::Health => 200,
        Route::User { id } if *id == 0 => 400, // a guard refines a pattern
        Route::User { .. } => 200,
        Route::Search(None) => 400,
        Route::Search(Some(term)) if term.is_empty() => 400,
        Route::Search(Some(_)) => 200,
        Route::NotFound => 404,
    }
}

fn main() {
    let requests = [
        ("GET", "/health"),
        ("GET", "/users/42"),
        ("GET", "/users/0"),
        ("GET", "/users/ada"),
        ("GET", "/search?q=rust"),
        ("GET", "/search"),
        ("POST", "/health"),
    ];
    for (method, path) in requests {
        let r = route(method, path);
        println!("{:<4} {:<15} -> {} {:?}", method, path, status(&r), r);
    }

    // `if let` when only one case matters; `let ... else` to bail out early.
    if let Route::User { id } = route("GET", "/users/7") {
        println!("user id {}", id);
    }
    let Route::Search(Some(term)) = route("GET", "/search?q=tokio") else {
        panic!("expected a search");
    };
    println!("search term {}", term);
}
