"""First page usable (Check button in Chromium), the app of TREE A vs TREE B alternated (A B B A ...), as bench_app."""
import subprocess, sys
trees = {"before": "/tmp/wt12c-work/oldtree-src", "now": "/work/wt-12c"}
code = "from pathlib import Path; from factcheck.evaluate.bench_app import _first_page_seconds; print(round(_first_page_seconds(Path('/tmp/wt12c-work/app/indexes')), 2))"
res = {k: [] for k in trees}
order = ["before", "now", "now", "before"] * int(sys.argv[1])
for who in order:
    out = subprocess.run(["/work/wt-12c/.venv/bin/python", "-c", code], env={"PYTHONPATH": trees[who], "PATH": "/usr/bin:/bin", "HOME": "/root"}, capture_output=True, text=True, cwd=trees[who])
    res[who].append(float(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else out.stderr[-300:])
    print(who, res[who][-1], flush=True)
for k, v in res.items():
    nums = sorted(x for x in v if isinstance(x, float))
    print(k, "runs", v, "median", nums[len(nums)//2] if nums else None, "best", nums[0] if nums else None)
