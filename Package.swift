// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sbcms",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sbcms", targets: ["sbcms"]),
        .library(name: "SBCMSBuild", targets: ["SBCMSBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CSBCMSZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(name: "CSBCMSSystem"),
        .target(name: "SBCMSCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "SBCMSMarkdown", dependencies: ["SBCMSCore", "CCmarkGFM", "CLibXML2"]),
        .target(name: "SBCMSSource", dependencies: ["SBCMSCore", "Yams"]),
        .target(name: "SBCMSTemplate"),
        .target(name: "SBCMSContent", dependencies: ["SBCMSCore", "SBCMSMarkdown", "SBCMSSource"]),
        .target(name: "SBCMSRender", dependencies: [
            "SBCMSCore", "SBCMSSource", "SBCMSContent", "SBCMSMarkdown", "SBCMSTemplate",
        ]),
        .target(name: "SBCMSBuild", dependencies: ["SBCMSCore", "SBCMSSource", "SBCMSContent", "SBCMSRender", "CSBCMSSystem"]),
        .target(name: "SBCMSExport", dependencies: [
            "SBCMSCore", "SBCMSSource", "SBCMSMarkdown", "SBCMSContent", "SBCMSRender",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "SBCMSServe", dependencies: [
            "SBCMSCore", "SBCMSSource", "SBCMSRender", "SBCMSBuild", "CSBCMSZlib",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "sbcms", dependencies: [
            "SBCMSBuild", "SBCMSExport", "SBCMSServe", "CMimalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "SBCMSTestSupport", dependencies: ["SBCMSCore"]),
        .testTarget(name: "SBCMSCoreTests", dependencies: ["SBCMSCore"]),
        .testTarget(name: "SBCMSTemplateTests", dependencies: [
            "SBCMSTemplate", "SBCMSTestSupport", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "SBCMSMarkdownTests", dependencies: ["SBCMSMarkdown", "CCmarkGFM", "SBCMSTestSupport"]),
        .testTarget(name: "SBCMSSourceTests", dependencies: ["SBCMSSource", "SBCMSTestSupport", "Yams"]),
        .testTarget(name: "SBCMSBuildTests", dependencies: ["SBCMSBuild", "SBCMSTestSupport"]),
        .testTarget(name: "SBCMSCLITests", dependencies: ["SBCMSTestSupport"]),
        .testTarget(name: "SBCMSServeTests", dependencies: ["SBCMSServe", "SBCMSBuild", "SBCMSTestSupport"]),
        .testTarget(name: "SBCMSExportTests", dependencies: [
            "SBCMSExport", "SBCMSTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
