// A trait is a set of methods a type promises to have. Generic code can call them on any type that implements it.
use std::fmt;

trait Dependency {
    fn name(&self) -> String;
    fn fetch(&self, user_id: u64) -> Result<String, String>;

    // A default method: implementors get it for free and may override it.
    fn fetch_or(&self, user_id: u64, fallback: &str) -> String {
        self.fetch(user_id).unwrap_or_else(|_| fallback.to_string())
    }
}

struct Database {
    users: Vec<(u64, &'static str)>,
}

struct Recommender {
    healthy: bool,
}

impl Dependency for Database {
    fn name(&self) -> String {
        "database".to_string()
    }
    fn fetch(&self, user_id: u64) -> Result<String, String> {
        self.users
            .iter()
            .find(|(id, _)| *id == user_id)
            .map(|(_, name)| name.to_string())
            .ok_or(format!("no user {}", user_id))
    }
}

impl Dependency for Recommender {
    fn name(&self) -> String {
        "recommender".to_string()
    }
    fn fetch(&self, user_id: u64) -> Result<String, String> {
        if self.healthy {
            Ok(format!("sku-{}-1, sku-{}-2", user_id, user_id))
        } else {
            Err("connection refused".to_string())
        }
    }
}

// Implementing a standard trait: Display is what `{}` uses.
struct Outcome {
    service: String,
    result: Result<String, String>,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.result {
            Ok(value) => write!(f, "{:<12} ok   {}", self.service, value),
            Err(error) => write!(f, "{:<12} FAIL {}", self.service, error),
        }
    }
}

// Static dispatch: the compiler writes one copy of this function per type it is called with.
fn ask<D: Dependency>(dep: &D, user_id: u64) -> Outcome {
    Outcome { service: dep.name(), result: dep.fetch(user_id) }
}

fn main() {
    let db = Database { users: vec![(1, "Ada"), (2, "Alan")] };
    let recs = Recommender { healthy: false };

    println!("{}", ask(&db, 1));
    println!("{}", ask(&db, 9));
    println!("{}", ask(&recs, 1));
    println!("fallback: {}", recs.fetch_or(1, "(none)"));

    // Dynamic dispatch: different types in one list, called through a vtable at run time.
    let deps: Vec<Box<dyn Dependency>> = vec![Box::new(db), Box::new(Recommender { healthy: true })];
    for dep in &deps {
        println!("{}", Outcome { service: dep.name(), result: dep.fetch(2) });
    }
}
