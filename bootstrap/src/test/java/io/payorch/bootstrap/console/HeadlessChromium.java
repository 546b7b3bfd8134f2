package io.payorch.bootstrap.console;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's chromium driven by Debian's chromedriver, headless. Both paths are given explicitly, so
 * Selenium Manager never looks for (or downloads) a driver or a browser. On a failed test the page
 * as the browser shows it (screenshot) and its source are saved under target/console-failures/.
 */
final class HeadlessChromium implements TestWatcher {

    static final String CHROMIUM = System.getProperty("payorch.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("payorch.chromedriver", "/usr/bin/chromedriver");

    private WebDriver driver;
    private Path profile;

    WebDriver start() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The console browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install -y chromium chromium-driver; .ci/run does it)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("payorch-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-extensions", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Saves what the browser shows as a PNG at {@code target}. */
    void screenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestMethod().getName();
        Path dir = Path.of("target", "console-failures");
        try {
            screenshot(dir.resolve(name + ".png"));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
