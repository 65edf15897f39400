class PipelineError(Exception):
    def __init__(self, stage, detail):
        super().__init__(f"stage {stage}: {detail}")
        self.stage = stage
stages = ["load", "parse", "transform", "save"]
for i, s in enumerate(stages):
    print("stage", i, s)
    if s == "transform":
        raise PipelineError(s, "unexpected null in column 'price'")
