// The aggregated endpoint: three simulated dependencies fetched at once under one time budget,
// the outcome turned into an HTTP status. Times are scaled down: a 200 ms budget stands in for 2 s.
use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;
use tokio::time::{sleep, timeout};

const BUDGET: Duration = Duration::from_millis(200);
const DEPENDENCIES: [&str; 3] = ["user_data", "recommendations", "analytics"];

#[derive(Clone, Copy)]
struct Plan {
    ms: u64,
    fails: Option<&'static str>,
}

const fn ok(ms: u64) -> Plan {
    Plan { ms, fails: None }
}

// A stand-in for a database query or an HTTP call. A future that is dropped simply stops: that is cancellation.
async fn fetch_dependency(name: &'static str, plan: Plan, outcome: &RefCell<HashMap<&'static str, String>>) -> Result<(), String> {
    sleep(Duration::from_millis(plan.ms)).await;
    let result = match plan.fails {
        Some(reason) => Err(reason.to_string()),
        None => Ok(()),
    };
    let text = match &result {
        Ok(()) => "answered".to_string(),
        Err(reason) => format!("failed ({reason})"),
    };
    outcome.borrow_mut().insert(name, text);
    result
}

async fn handle(name: &str, plans: [Plan; 3]) {
    // All three futures run inside this one task, so a RefCell is enough to share the record.
    let outcome = RefCell::new(HashMap::new());
    let fetches = async {
        // try_join! polls the three together and drops the others as soon as one returns Err.
        tokio::try_join!(
            fetch_dependency(DEPENDENCIES[0], plans[0], &outcome),
            fetch_dependency(DEPENDENCIES[1], plans[1], &outcome),
            fetch_dependency(DEPENDENCIES[2], plans[2], &outcome),
        )
    };
    // timeout drops the whole join, and with it every unfinished fetch, when the budget runs out.
    let status: u16 = match timeout(BUDGET, fetches).await {
        Ok(Ok(_)) => 200,
        Ok(Err(_)) => 500,
        Err(_elapsed) => 408,
    };

    println!("scenario: {name}");
    let outcome = outcome.into_inner();
    for dep in DEPENDENCIES {
        let result = match outcome.get(dep) {
            Some(text) => text.as_str(),
            None if status == 408 => "timed out",
            None => "cancelled",
        };
        println!("  {dep}: {result}");
    }
    println!("  status {status}");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    handle("all healthy", [ok(10), ok(20), ok(40)]).await;
    let down = Plan { ms: 30, fails: Some("ml-service unavailable") };
    handle("recommendations down", [ok(10), down, ok(150)]).await;
    handle("analytics slow", [ok(10), ok(20), ok(1000)]).await;
}
