package org.astrolabe.ui;

/**
 * Identifiers of the Services view and the Login dialog, their job family and the names of their
 * widgets (stored with {@code Widget.setData(AstrolabeUi.WIDGET_KEY, name)}) for other plug-ins
 * and UI tests. The values are stable across releases.
 */
public final class ServicesViews {

    /** The Services view: the archive catalogue with availability and login state. */
    public static final String SERVICES_VIEW_ID = "org.astrolabe.ui.views.services";

    /** Jobs that check availability or log in. */
    public static final Object SERVICES_JOB = new Family("Astrolabe services");

    /** Services view: the archives ({@code Table}; columns name, profile, TAP, availability, login). */
    public static final String SERVICES_TABLE_WIDGET = "servicesTable";
    /** Services view: adds a user service ({@code Button}). */
    public static final String SERVICES_ADD_WIDGET = "servicesAdd";
    /** Services view: edits the selected user service ({@code Button}). */
    public static final String SERVICES_EDIT_WIDGET = "servicesEdit";
    /** Services view: removes the selected user service ({@code Button}). */
    public static final String SERVICES_REMOVE_WIDGET = "servicesRemove";
    /** Services view: opens the Login dialog for the selected service ({@code Button}). */
    public static final String SERVICES_LOGIN_WIDGET = "servicesLogin";
    /** Services view: logs out of the selected service ({@code Button}). */
    public static final String SERVICES_LOGOUT_WIDGET = "servicesLogout";
    /** Services view: checks availability again ({@code Button}). */
    public static final String SERVICES_REFRESH_WIDGET = "servicesRefresh";
    /** Services view: what happened last ({@code Label}). */
    public static final String SERVICES_STATUS_WIDGET = "servicesStatus";

    /** Service dialog: its shell. */
    public static final String SERVICE_DIALOG_WIDGET = "serviceDialog";
    /** Service dialog: short name ({@code Text}). */
    public static final String SERVICE_NAME_WIDGET = "serviceName";
    /** Service dialog: title ({@code Text}). */
    public static final String SERVICE_TITLE_WIDGET = "serviceTitle";
    /** Service dialog: profile ({@code Combo}: obscore, caom2). */
    public static final String SERVICE_PROFILE_WIDGET = "serviceProfile";
    /** Service dialog: TAP base URL or ivo:// identifier ({@code Text}). */
    public static final String SERVICE_TAP_WIDGET = "serviceTap";

    /** Login dialog: its shell. */
    public static final String LOGIN_DIALOG_WIDGET = "loginDialog";
    /** Login dialog: log in with user and password ({@code Button}, radio). */
    public static final String LOGIN_PASSWORD_MODE_WIDGET = "loginPasswordMode";
    /** Login dialog: log in with a certificate file ({@code Button}, radio). */
    public static final String LOGIN_CERTIFICATE_MODE_WIDGET = "loginCertificateMode";
    /** Login dialog: user name ({@code Text}). */
    public static final String LOGIN_USER_WIDGET = "loginUser";
    /** Login dialog: password ({@code Text}). */
    public static final String LOGIN_PASSWORD_WIDGET = "loginPassword";
    /** Login dialog: PEM or PKCS#12 certificate file ({@code Text}). */
    public static final String LOGIN_CERTIFICATE_WIDGET = "loginCertificate";
    /** Login dialog: certificate passphrase ({@code Text}). */
    public static final String LOGIN_PASSPHRASE_WIDGET = "loginPassphrase";
    /** Login dialog: remember in secure storage ({@code Button}, check box). */
    public static final String LOGIN_REMEMBER_WIDGET = "loginRemember";
    /** Login dialog: the failure of the last attempt, or what is happening ({@code Label}). */
    public static final String LOGIN_MESSAGE_WIDGET = "loginMessage";

    private ServicesViews() {
    }

    private record Family(String name) {
    }
}
