"""Compares the grid and ASHA runs that bench/asha-vs-grid saved; prints a table and writes summary.json.

Training images count what each side trained itself plus what it reused, so a run that reused results is compared
by the images its trials needed."""
import json
import os
import sys


def load(folder, name):
    with open(os.path.join(folder, name)) as handle:
        return json.load(handle)


def main(folder):
    grid_decisions = load(folder, "grid-decisions.json")
    asha_decisions = load(folder, "asha-decisions.json")
    grid_board = load(folder, "grid-leaderboard.json")
    asha_board = load(folder, "asha-leaderboard.json")

    # The grid's top-ranked loss per pretext task is the leader of its table (mean test linear-probe accuracy).
    grid_top = {}
    for table in grid_board["byPretext"]:
        leader = table["rows"][0]
        tied = [row["loss"] for row in table["rows"][1:] if row.get("tiedWithLeader")]
        grid_top[table["pretext"]] = {"loss": leader["loss"], "mean": leader["mean"], "n": leader["n"],
                                      "tiedWithLeader": tied}

    # ASHA's top-ranked loss per pretext task is the winner at the top rung, chosen on validation accuracy.
    asha_top = {}
    for decision in asha_decisions["decisions"]:
        if decision["action"] == "WINNER":
            asha_top[decision["pretext"]] = {"loss": decision["loss"], "validationScore": decision["score"]}
    for table in asha_board["byPretext"]:
        top_budget = [row for row in table["rows"] if row["loss"] == asha_top.get(table["pretext"], {}).get("loss")]
        if top_budget and table["pretext"] in asha_top:
            best = max(top_budget, key=lambda row: row.get("pretrainImages") or row["n"])
            asha_top[table["pretext"]]["testMean"] = best["mean"]

    spent = asha_decisions["trainingImagesSpent"] + asha_decisions["trainingImagesReused"]
    grid_spent = grid_decisions["trainingImagesSpent"] + grid_decisions["trainingImagesReused"]
    summary = {
        "gridTrainingImages": grid_spent,
        "ashaTrainingImages": spent,
        "ashaFractionOfGrid": spent / grid_spent if grid_spent else None,
        "gridWallSeconds": int(open(os.path.join(folder, "grid-wall-seconds")).read()),
        "ashaWallSeconds": int(open(os.path.join(folder, "asha-wall-seconds")).read()),
        "gridTopByPretext": grid_top,
        "ashaTopByPretext": asha_top,
        "sameTopLoss": {pretext: grid_top[pretext]["loss"] == asha_top.get(pretext, {}).get("loss")
                        for pretext in grid_top},
        "gridMeanRankLeader": grid_board["meanRanks"][0]["loss"] if grid_board.get("meanRanks") else None,
    }
    with open(os.path.join(folder, "summary.json"), "w") as handle:
        json.dump(summary, handle, indent=2)

    print(f"training images: grid {grid_spent:,}, ASHA {spent:,} "
          f"({100.0 * summary['ashaFractionOfGrid']:.1f}% of the grid; target <= 40%)")
    print(f"wall time: grid {summary['gridWallSeconds']} s, ASHA {summary['ashaWallSeconds']} s")
    for pretext in sorted(grid_top):
        asha = asha_top.get(pretext, {})
        print(f"{pretext}: grid top {grid_top[pretext]['loss']} (test {grid_top[pretext]['mean']:.4f}, "
              f"tied with it: {grid_top[pretext]['tiedWithLeader'] or 'none'}); "
              f"ASHA winner {asha.get('loss')} (validation {asha.get('validationScore')}); "
              f"same: {summary['sameTopLoss'][pretext]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/target/asha-vs-grid")
