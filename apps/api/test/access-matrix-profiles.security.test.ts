import { describeMatrix, useMatrixWorld } from "./access-matrix";
import { profileInputs } from "./access-matrix-inputs-profiles";

describeMatrix(useMatrixWorld(), profileInputs);
