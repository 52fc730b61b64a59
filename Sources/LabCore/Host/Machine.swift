/// One simulated machine of a lab: its name, files, the state of the learner's shell on it, and
/// its Docker engine's local state (containers, images, networks, volumes). Swarm adds state
/// shared between managers at the `Lab` level.
public struct Machine: Codable, Sendable, Equatable {
    /// The host name, shown in the prompt and printed by `hostname` ("node1" by default).
    public var hostname: String
    /// The machine's files.
    public var files: VirtualFileSystem
    /// Shell state that outlives a single command line: variables, exports, working directory.
    public var shell: ShellEnvironment
    /// The machine's Docker engine: its containers, images, networks and volumes.
    public var engine: DockerEngine
    /// Set when this "machine" is the inside of a container (a process run by the engine):
    /// the container's id, so network programs can find its endpoints.
    public var containerID: String?
    /// Inside a container: the user the process runs as (`docker exec -u`, else the
    /// container's --user or USER); nil for root.
    public var processUser: String?

    public init(hostname: String = "node1") {
        // Every fresh node1 is the same value: copy the one built first.
        if hostname == "node1" {
            self = Self.freshNode1
            return
        }
        self.init(building: hostname)
    }

    /// A fresh node1, built once.
    private static let freshNode1 = Machine(building: "node1")

    /// Builds a fresh machine: its files, its shell's defaults and a fresh engine.
    private init(building hostname: String) {
        self.hostname = hostname
        var files = VirtualFileSystem()
        try? files.write(hostname + "\n", to: "/etc/hostname")
        // A learner's docker-ce has the buildx plugin, so `docker build` is BuildKit (BuilderRouting).
        try? files.makeDirectory(VirtualFileSystem.parent(of: BuilderRouting.pluginPath), parents: true)
        try? files.write(BuilderRouting.pluginFile, to: BuilderRouting.pluginPath)
        self.files = files
        var shell = ShellEnvironment(hostname: hostname)
        // Worked out here, so every copy of a fresh machine starts with it.
        _ = shell.programEnvironment()
        _ = shell.definesFunctions()
        _ = shell.shellOptions()
        self.shell = shell
        self.engine = DockerEngine(machine: hostname, now: SimulatedClock.defaultEpoch)
    }

    /// A machine made of given parts (the inside of a container, where a process runs).
    init(hostname: String, files: VirtualFileSystem, shell: ShellEnvironment, engine: DockerEngine, containerID: String?,
         processUser: String? = nil) {
        self.hostname = hostname
        self.files = files
        self.shell = shell
        self.engine = engine
        self.containerID = containerID
        self.processUser = processUser
    }
}

/// The part of a shell's state that persists between lines: variables (and which are exported),
/// the working directory and the status of the last command (`$?`).
public struct ShellEnvironment: Codable, Sendable, Equatable {
    /// Shell variables by name.
    public var variables: [String: String] { didSet { exportedCache = nil; functionsCache = nil; optionsCache = nil } }
    /// Names of the variables that are exported to programs.
    public var exported: Set<String> { didSet { exportedCache = nil } }
    /// The absolute working directory.
    public var workingDirectory: String
    /// `$?`: the exit status of the last command.
    public var lastStatus: Int32

    public init(hostname: String = "node1") {
        workingDirectory = "/root"
        lastStatus = 0
        variables = [
            "HOME": "/root", "USER": "root", "LOGNAME": "root", "SHELL": "/bin/bash",
            "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "PWD": "/root", "HOSTNAME": hostname, "TERM": "xterm",
        ]
        exported = ["HOME", "USER", "LOGNAME", "SHELL", "PATH", "PWD", "HOSTNAME", "TERM"]
    }

    /// A shell state made of given parts (a process starting inside a container); `environment`,
    /// when given, is the exported variables, as `programEnvironment()` would compute them.
    init(variables: [String: String], exported: Set<String>, workingDirectory: String, lastStatus: Int32 = 0,
         environment: [String: String]? = nil) {
        self.variables = variables
        self.exported = exported
        self.workingDirectory = workingDirectory
        self.lastStatus = lastStatus
        self.exportedCache = environment
    }

    /// The environment a started program receives: the exported variables, kept from one
    /// program to the next until a variable or an export changes.
    private var exportedCache: [String: String]?

    enum CodingKeys: String, CodingKey { case variables, exported, workingDirectory, lastStatus }

    /// The environment a started program receives: the exported variables.
    public var environment: [String: String] { exportedCache ?? Self.exported(exported, of: variables) }

    /// The same environment, remembered for the next program.
    public mutating func programEnvironment() -> [String: String] {
        if let exportedCache { return exportedCache }
        let env = Self.exported(exported, of: variables)
        exportedCache = env
        return env
    }

    /// Whether a shell function is defined (functions live among the variables as
    /// `BASH_FUNC_name%%`, so a command name is looked up among them only when there are some);
    /// remembered until a variable changes.
    public mutating func definesFunctions() -> Bool {
        if let functionsCache { return functionsCache }
        let defines = variables.keys.contains { $0.hasPrefix("BASH_FUNC_") }
        functionsCache = defines
        return defines
    }

    /// `definesFunctions()` as last computed.
    private var functionsCache: Bool?

    /// The options `set -o` saved in `SHELLOPTS`, which each run of the shell starts with;
    /// remembered until a variable changes.
    mutating func shellOptions() -> ShellOptions {
        if let optionsCache { return optionsCache }
        let options = ShellOptions(variables["SHELLOPTS"])
        optionsCache = options
        return options
    }

    /// `shellOptions()` as last computed.
    private var optionsCache: ShellOptions?

    static func exported(_ names: Set<String>, of variables: [String: String]) -> [String: String] {
        var env: [String: String] = [:]
        env.reserveCapacity(names.count)
        for name in names { if let v = variables[name] { env[name] = v } }
        return env
    }

    public static func == (a: ShellEnvironment, b: ShellEnvironment) -> Bool {
        a.variables == b.variables && a.exported == b.exported && a.workingDirectory == b.workingDirectory
            && a.lastStatus == b.lastStatus
    }
}
