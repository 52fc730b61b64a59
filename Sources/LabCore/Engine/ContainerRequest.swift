/// What `docker run`/`docker create` ask the daemon for (the API's create body, flattened).
public struct ContainerRequest: Sendable, Equatable {
    public var name: String?
    /// The image as the learner named it.
    public var image: String
    /// Command words after the image (nil: the image's CMD).
    public var cmd: [String]?
    /// --entrypoint (nil: the image's; "" clears it).
    public var entrypoint: String?
    public var env: [String] = []
    public var hostname: String?
    public var workingDir: String?
    public var user: String?
    public var labels: [String: String] = [:]
    public var exposedPorts: [String] = []
    public var tty = false
    public var openStdin = false
    public var portBindings: [PortBinding] = []
    public var publishAll = false
    public var restartPolicy = "no"
    public var maximumRetryCount = 0
    public var autoRemove = false
    public var network: String?
    public var networkAliases: [String] = []
    /// -v specs as typed ("data:/data", "/host:/in:ro", "/anonymous").
    public var binds: [String] = []
    /// --mount specs already split into key=value pairs.
    public var mounts: [[String: String]] = []
    public var volumesFrom: [String] = []
    /// ["CMD-SHELL", command] from --health-cmd; ["NONE"] from --no-healthcheck.
    public var healthcheck: [String]?
    public var healthInterval: Double?
    public var healthRetries: Int?
    /// --health-timeout and --health-start-period (seconds; nil or 0: unset).
    public var healthTimeout: Double?
    public var healthStartPeriod: Double?
    /// --privileged, --read-only.
    public var privileged = false
    public var readOnly = false
    /// --cap-add, --cap-drop and --security-opt as given (the client sends them unchanged).
    public var capAdd: [String] = []
    public var capDrop: [String] = []
    public var securityOpt: [String] = []
    /// --tmpfs: mount point → options ("/cache" → "", "/run" → "rw,size=64m").
    public var tmpfs: [String: String] = [:]
    /// --log-driver ("" : the daemon's default, json-file) and --log-opt.
    public var logDriver = ""
    public var logOptions: [String: String] = [:]
    /// --dns, --dns-search, --dns-option, --add-host (`name:ip`), --domainname.
    public var dns: [String] = []
    public var dnsSearch: [String] = []
    public var dnsOptions: [String] = []
    public var extraHosts: [String] = []
    public var domainname: String?
    public var memory: Int64 = 0
    public var nanoCpus: Int64 = 0

    public init(image: String) { self.image = image }
}
