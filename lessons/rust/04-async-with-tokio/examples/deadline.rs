// timeout puts one deadline on any future; select! races futures and drops the losers; spawn starts a task that
// runs on its own and can be aborted.
use std::time::Duration;
use tokio::time::{sleep, timeout};

async fn service(name: &str, ms: u64) -> String {
    sleep(Duration::from_millis(ms)).await;
    format!("{} answered after {} ms", name, ms)
}

#[tokio::main]
async fn main() {
    // 1. timeout: Ok(value) if the future finished in time, Err(Elapsed) if not (and the future is dropped).
    let budget = Duration::from_millis(100);
    match timeout(budget, service("analytics", 20)).await {
        Ok(answer) => println!("in time:   {}", answer),
        Err(_) => println!("in time:   gave up"),
    }
    match timeout(budget, service("analytics", 2_000)).await {
        Ok(answer) => println!("too slow:  {}", answer),
        Err(elapsed) => println!("too slow:  gave up ({})", elapsed),
    }

    // 2. select!: whichever branch finishes first wins; the other future is dropped, so its work stops.
    tokio::select! {
        answer = service("replica-a", 30) => println!("hedged:    {}", answer),
        answer = service("replica-b", 300) => println!("hedged:    {}", answer),
    }

    // select! with a shutdown signal: a channel that fires while a slow job is running.
    let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        sleep(Duration::from_millis(50)).await;
        let _ = stop.send(());
    });
    tokio::select! {
        answer = service("report", 5_000) => println!("shutdown:  {}", answer),
        _ = &mut stopped => println!("shutdown:  stop requested, the report is abandoned"),
    }

    // 3. spawn: a task runs on the runtime by itself (on any worker thread) until it ends or is aborted.
    let task = tokio::spawn(service("background", 5_000));
    sleep(Duration::from_millis(20)).await;
    task.abort();
    match task.await {
        Ok(answer) => println!("spawned:   {}", answer),
        Err(error) => println!("spawned:   cancelled: {}", error.is_cancelled()),
    }
}
