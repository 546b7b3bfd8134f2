package io.payorch.bootstrap.console;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code payorch.console.secure-cookie}: whether the console's cookies are {@code Secure} (true unless
 * the sandbox, served over plain HTTP on a workstation, turns it off). The session's idle timeout and
 * maximum age ({@code payorch.console.idle-timeout}, {@code max-age}) are read by config.ConsoleFactory.
 */
@ConfigurationProperties("payorch.console")
public class ConsoleSettings {

    static final String SESSION_COOKIE = "payorch_console";
    static final String LOGIN_COOKIE = "payorch_console_login";

    private boolean secureCookie = true;

    public boolean isSecureCookie() { return secureCookie; }
    public void setSecureCookie(boolean secureCookie) { this.secureCookie = secureCookie; }
}
