package org.dsrcnn.app;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dsrcnn.app.explorer.ExplorerPage;
import org.dsrcnn.app.explorer.ExplorerViewModel;
import org.dsrcnn.app.main.DialogService;
import org.dsrcnn.app.main.FxDialogService;
import org.dsrcnn.app.main.MainWindow;
import org.dsrcnn.app.main.Page;
import org.dsrcnn.app.service.FxTaskExecutor;
import org.dsrcnn.app.session.AnalysisSession;

/**
 * The explorer window: AtlantaFX Primer Light theme, the shared {@link AnalysisSession} wired to
 * the services, the pages hosted by the {@link MainWindow}, and start-up (default model, then the
 * first image of {@code sample-images/}).
 */
public final class ExplorerApp extends Application {

    /** Made by {@link Launcher} (or a test) before the FX runtime starts the app. */
    static volatile Supplier<AppServices> services = ProductionServices::create;

    private AppServices appServices;
    private java.util.function.Function<Stage, DialogService> dialogFactory;
    private FxTaskExecutor executor;
    private AnalysisSession session;
    private ExplorerViewModel viewModel;
    private ExplorerPage explorer;
    private MainWindow window;
    private org.dsrcnn.app.assignment.AssignmentViewModel assignmentVm;
    private org.dsrcnn.app.assignment.AssignmentPage assignment;
    private org.dsrcnn.app.training.TrainingViewModel trainingVm;
    private org.dsrcnn.app.training.TrainingPage training;
    private org.dsrcnn.app.evaluation.EvaluationViewModel evaluationVm;
    private org.dsrcnn.app.evaluation.EvaluationPage evaluation;

    public ExplorerApp() {}

    /** An app around given services and dialogs (tests). */
    public ExplorerApp(AppServices services, java.util.function.Function<Stage, DialogService> dialogs) {
        this.appServices = services;
        this.dialogFactory = dialogs;
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        if (appServices == null) {
            appServices = services.get();
        }
        executor = new FxTaskExecutor();
        session = new AnalysisSession(appServices.detector(), appServices.library(), executor, appServices.recent(),
                appServices.datasets());
        viewModel = new ExplorerViewModel(session, appServices.exporter());
        DialogService dialogs = dialogFactory != null
                ? dialogFactory.apply(stage) : new FxDialogService(stage, appServices.startFolder());
        explorer = new ExplorerPage(viewModel, dialogs);
        window = new MainWindow(session, pages(dialogs));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(ExplorerApp.class.getResource("explorer.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Dynamic Sparse R-CNN Explorer");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        reportLaunchTime();
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        viewModel.start(args.isEmpty() ? appServices.startFolder() : java.nio.file.Path.of(args.get(0)));
    }

    /** The pages, in the order of the page bar. */
    private java.util.List<Page> pages(DialogService dialogs) {
        assignmentVm = new org.dsrcnn.app.assignment.AssignmentViewModel(session);
        assignment = new org.dsrcnn.app.assignment.AssignmentPage(assignmentVm, dialogs);
        trainingVm = new org.dsrcnn.app.training.TrainingViewModel(
                new org.dsrcnn.app.training.ProcessTrainingLauncher(appServices.home()), executor, session.notices(),
                model -> {
                    session.openModel(model);
                    window.show(explorer);
                },
                appServices.runsFolder(), appServices.home().resolve("assets").resolve("runs"));
        training = new org.dsrcnn.app.training.TrainingPage(trainingVm, dialogs);
        trainingVm.start();
        evaluationVm = new org.dsrcnn.app.evaluation.EvaluationViewModel(session);
        evaluation = new org.dsrcnn.app.evaluation.EvaluationPage(evaluationVm, () -> window.show(explorer));
        evaluationVm.minScoreProperty().bind(viewModel.scoreThresholdProperty());
        return java.util.List.of(explorer, assignment, evaluation, training);
    }

    /**
     * Prints, once, how long after the JVM started the model was ready and the first image was on
     * screen with its analysis (and how long that first inference took).
     */
    private void reportLaunchTime() {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        viewModel.modelProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends org.dsrcnn.app.service.ModelInfo> o,
                    org.dsrcnn.app.service.ModelInfo old, org.dsrcnn.app.service.ModelInfo now) {
                System.err.println("dsrcnn: model ready " + (System.currentTimeMillis() - jvmStart) + " ms after launch");
                o.removeListener(this);
            }
        });
        viewModel.analysesDoneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number old, Number now) {
                if (now.intValue() >= 1) {
                    long ms = System.currentTimeMillis() - jvmStart;
                    Double inference = viewModel.traceProperty().get() == null
                            ? null : viewModel.traceProperty().get().timingsMs().get("total");
                    System.err.println("dsrcnn: first image analysed " + ms + " ms after launch (inference "
                            + (inference == null ? "?" : Math.round(inference)) + " ms)");
                    o.removeListener(this);
                }
            }
        });
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (assignmentVm != null) {
            assignmentVm.close();
        }
        if (trainingVm != null) {
            trainingVm.close();
        }
        if (appServices != null) {
            appServices.detector().close();
        }
    }

    public ExplorerViewModel viewModel() {
        return viewModel;
    }

    /** The Explorer page. */
    public ExplorerPage view() {
        return explorer;
    }

    /** The Assignment page. */
    public org.dsrcnn.app.assignment.AssignmentPage assignment() {
        return assignment;
    }

    public org.dsrcnn.app.assignment.AssignmentViewModel assignmentViewModel() {
        return assignmentVm;
    }

    /** The Training page. */
    public org.dsrcnn.app.training.TrainingPage training() {
        return training;
    }

    /** The Evaluation page. */
    public org.dsrcnn.app.evaluation.EvaluationPage evaluation() {
        return evaluation;
    }

    public org.dsrcnn.app.evaluation.EvaluationViewModel evaluationViewModel() {
        return evaluationVm;
    }

    /** The window hosting the pages. */
    public MainWindow window() {
        return window;
    }

    /** The session the pages share. */
    public AnalysisSession session() {
        return session;
    }
}
