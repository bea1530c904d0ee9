// What the everyday tool does with bad input. serde, the crate nearly every Rust service uses, derives a decoder
// from the struct: wrong types and missing fields are errors, and unknown fields are too when you ask.
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct User {
    name: String,
    age: u32,
}

fn main() {
    let bodies = [
        r#"{"name":"Ada","age":36}"#,
        r#"{"name":"Ada"}"#,
        r#"{"name":"Ada","age":"36"}"#,
        r#"{"name":"Ada","age":36,"admin":true}"#,
    ];
    for body in bodies {
        match serde_json::from_str::<User>(body) {
            Ok(user) => println!("{body} -> accepted: name={} age={}", user.name, user.age),
            Err(error) => println!("{body} -> rejected: {error}"),
        }
    }
}
