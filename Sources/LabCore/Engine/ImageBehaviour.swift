/// What the catalogue's images do when they start, as the oracle's stand-ins show it
/// (../shared/tools/real-docker-oracle.sh): each service logs one line and runs until stopped;
/// postgres and mysql refuse to start without their password variables, with the official
/// images' own messages (docker-library/postgres and docker-library/mysql docker-entrypoint.sh).
/// The official images' full start-up logs are not reproduced yet.
enum ImageBehaviour {
    /// The message a service prints when its required environment is missing, or nil. `env`
    /// gives a variable of the container's environment, or nil when it is not set.
    static func refusal(service: String, environment env: (String) -> String?) -> String? {
        switch service {
        case "postgres":
            let hasPassword = !(env("POSTGRES_PASSWORD") ?? "").isEmpty || !(env("POSTGRES_PASSWORD_FILE") ?? "").isEmpty
            if !hasPassword && env("POSTGRES_HOST_AUTH_METHOD") != "trust" {
                return "Error: Database is uninitialized and superuser password is not specified.\n"
            }
        case "mysqld":
            let keys = ["MYSQL_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD_FILE", "MYSQL_ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD"]
            if keys.allSatisfy({ (env($0) ?? "").isEmpty }) {
                return "[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n"
            }
        default: break
        }
        return nil
    }

    /// The line a service logs when it is up.
    static func startLog(service: String) -> String { "\(service): ready\n" }

    /// What the stand-in hello-world prints.
    static let helloWorld = "\nHello from Docker!\n"

    /// Whether a main process keeps running by itself: an interactive shell, `top`, `tail -f`, a
    /// `ping` without a count.
    static func runsUntilStopped(_ argv: [String], interactive: Bool) -> Bool {
        guard let first = argv.first else { return false }
        let name = first.split(separator: "/").last.map(String.init) ?? first
        if (name == "sh" || name == "bash") && argv.count == 1 { return interactive }
        if name == "top" { return true }
        // The php images' Apache (drupal, wordpress) runs in the foreground until stopped.
        if argv.contains("apache2-foreground") { return true }
        if name == "tail" && argv.contains("-f") { return true }
        if name == "ping" && !argv.contains(where: { $0 == "-c" || $0.hasPrefix("-c") }) { return true }
        return false
    }
}
