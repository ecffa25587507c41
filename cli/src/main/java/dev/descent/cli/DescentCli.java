package dev.descent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code descent} command line. */
@Command(name = "descent", mixinStandardHelpOptions = true, version = "descent 0.1.0",
        description = "Searches pretext-task loss functions by the transfer accuracy of the features they teach.",
        subcommands = {RunCommand.class, UpCommand.class, DownCommand.class, SubmitCommand.class,
                StatusCommand.class, WatchCommand.class, LeaderboardCommand.class, ReportCommand.class,
                ExportCommand.class, CancelCommand.class,
                LossesCommand.class, PretextTasksCommand.class})
public final class DescentCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DescentCli()).execute(args));
    }
}
