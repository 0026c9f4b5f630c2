package org.astrolabe.ui;

/**
 * Identifiers of the workbench parts Astrolabe contributes. Use them to open the perspective or a
 * view ({@code IWorkbenchPage.showView(AstrolabeUi.RESULTS_VIEW_ID)}), or to find a widget in a
 * UI test. The values are stable across releases.
 */
public final class AstrolabeUi {

    /** The UI bundle's symbolic name, also the plugin id in statuses it reports. */
    public static final String PLUGIN_ID = "org.astrolabe.ui";

    /** The Astrolabe perspective: the TAP Query view above the Results view. */
    public static final String PERSPECTIVE_ID = "org.astrolabe.ui.perspective";

    /** The TAP Query view: service URL, ADQL, MAXREC, Run and Cancel. */
    public static final String QUERY_VIEW_ID = "org.astrolabe.ui.views.query";

    /** The Results view: the rows of the last query and its status, truncation warning or error. */
    public static final String RESULTS_VIEW_ID = "org.astrolabe.ui.views.results";

    /** The Schema browser: the selected service's schemas, tables and columns. */
    public static final String SCHEMA_VIEW_ID = "org.astrolabe.ui.views.schema";

    /** The Jobs view: the user's async jobs on every service. */
    public static final String JOBS_VIEW_ID = "org.astrolabe.ui.views.jobs";

    /** Command: run the query of the TAP Query view synchronously (Ctrl+Enter). */
    public static final String RUN_QUERY_COMMAND = "org.astrolabe.ui.commands.runQuery";

    /** Command: run the query of the TAP Query view as an async job (Ctrl+Shift+Enter). */
    public static final String RUN_ASYNC_COMMAND = "org.astrolabe.ui.commands.runQueryAsync";

    /** Command: cancel the running query (Ctrl+.). */
    public static final String CANCEL_QUERY_COMMAND = "org.astrolabe.ui.commands.cancelQuery";

    /** Command: save the Results view's table in a chosen format. */
    public static final String SAVE_RESULT_COMMAND = "org.astrolabe.ui.commands.saveResult";

    /** Context active while the TAP Query view is; the query key bindings live in it. */
    public static final String QUERY_CONTEXT_ID = "org.astrolabe.ui.contexts.query";

    /** Preference page: time-outs, default MAXREC, Jobs view refresh. */
    public static final String PREFERENCE_PAGE_ID = "org.astrolabe.ui.preferences";

    /**
     * Key under which Astrolabe's views store a widget's name with {@code Widget.setData(key, name)},
     * the way SWTBot's {@code withId} finds widgets. The names are the other constants of this
     * class ending in {@code _WIDGET}.
     */
    public static final String WIDGET_KEY = "org.astrolabe.ui.widget";

    /** Query view: the TAP service base URL ({@code Text}). */
    public static final String SERVICE_URL_WIDGET = "serviceUrl";
    /** Query view: the ADQL statement ({@code StyledText}). */
    public static final String ADQL_WIDGET = "adql";
    /** Query view: the row limit sent as MAXREC ({@code Spinner}). */
    public static final String MAXREC_WIDGET = "maxrec";
    /** Query view: an optional table to upload, {@code name=file} ({@code Text}). */
    public static final String UPLOAD_WIDGET = "upload";
    /** Query view: where the result goes, the Results view alone or also a file of some format ({@code Combo}). */
    public static final String OUTPUT_WIDGET = "output";
    /** Query view: opens the menu of query templates ({@code Button}). */
    public static final String TEMPLATES_WIDGET = "templates";
    /** Query view: runs the query as an async UWS job ({@code Button}). */
    public static final String RUN_ASYNC_WIDGET = "runAsync";
    /** Query view: starts the query ({@code Button}). */
    public static final String RUN_WIDGET = "run";
    /** Query view: cancels the running query ({@code Button}). */
    public static final String CANCEL_WIDGET = "cancel";
    /** Query view: why the form cannot be run, when it cannot ({@code CLabel}). */
    public static final String FORM_MESSAGE_WIDGET = "formMessage";
    /** Results view: "N rows × M columns from host" or what is happening ({@code CLabel}). */
    public static final String STATUS_WIDGET = "status";
    /** Results view: the truncation warning, visible only when MAXREC cut the result ({@code CLabel}). */
    public static final String TRUNCATION_WIDGET = "truncation";
    /** Results view: the failure's headline, visible only after a failure ({@code CLabel}). */
    public static final String ERROR_WIDGET = "error";
    /** Results view: the failure's detail, e.g. the service's own message ({@code StyledText}). */
    public static final String ERROR_DETAIL_WIDGET = "errorDetail";
    /** Results view: the table holding the rows that fit on screen ({@code Table}); the slider scrolls. */
    public static final String RESULT_TABLE_WIDGET = "resultTable";

    /** Results view: the slider that scrolls through every row of the result ({@code Slider}). */
    public static final String RESULT_SCROLL_WIDGET = "resultScroll";
    /** Results view: the row count and sort order line under the table ({@code Label}). */
    public static final String ROW_COUNT_WIDGET = "rowCount";
    /** Schema browser: the filter box ({@code Text}). */
    public static final String SCHEMA_FILTER_WIDGET = "schemaFilter";
    /** Schema browser: the service URL it shows ({@code Text}). */
    public static final String SCHEMA_SERVICE_WIDGET = "schemaService";
    /** Schema browser: the tree of schemas, tables and columns ({@code Tree}). */
    public static final String SCHEMA_TREE_WIDGET = "schemaTree";
    /** Jobs view: the table of jobs ({@code Table}). */
    public static final String JOBS_TABLE_WIDGET = "jobsTable";
    /** Jobs view: the phase filter ({@code Combo}). */
    public static final String JOBS_PHASE_WIDGET = "jobsPhase";

    private AstrolabeUi() {
    }
}
